package io.igpulse.aggregator.topology.window;

import java.util.HashMap;
import java.util.Map;

/**
 * The running sum of an account's earned-media buckets for a sliding pass ({@link
 * BucketSeries#slide}); each media leaves the window with its last bucket, as in {@link
 * AccountWindowSum}.
 */
public final class EarnedWindowSum implements BucketSeries.Accumulator<EarnedWindow> {

  private long engagement;
  private long likes;
  private long comments;

  /** Per media: {engagement gained, buckets it appears in}. */
  private final Map<String, long[]> media = new HashMap<>();

  @Override
  public void add(EarnedWindow bucket) {
    engagement += bucket.engagement();
    likes += bucket.likes();
    comments += bucket.comments();
    bucket
        .mediaEngagement()
        .forEach(
            (id, gained) -> {
              long[] entry = media.computeIfAbsent(id, k -> new long[2]);
              entry[0] += gained;
              entry[1]++;
            });
  }

  @Override
  public void remove(EarnedWindow bucket) {
    engagement -= bucket.engagement();
    likes -= bucket.likes();
    comments -= bucket.comments();
    bucket
        .mediaEngagement()
        .forEach(
            (id, gained) -> {
              long[] entry = media.get(id);
              entry[0] -= gained;
              if (--entry[1] == 0) {
                media.remove(id);
              }
            });
  }

  /** The window as a value of its own, stamped with its buckets' latest update. */
  public EarnedWindow toWindow(long updatedAt) {
    Map<String, Long> gained = new HashMap<>(media.size() * 2);
    media.forEach((id, entry) -> gained.put(id, entry[0]));
    return EarnedWindow.restore(engagement, likes, comments, () -> gained, updatedAt);
  }
}
