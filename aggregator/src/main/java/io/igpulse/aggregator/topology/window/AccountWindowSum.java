package io.igpulse.aggregator.topology.window;

import java.util.HashMap;
import java.util.Map;

/**
 * The running sum of an account's buckets for a sliding pass ({@link BucketSeries#slide}): what
 * {@link AccountWindow#combine} gives for the buckets currently added, kept up as buckets come and
 * go. Each media keeps how many of those buckets it appears in, so it leaves the window with its
 * last bucket even when its gains there summed to zero.
 */
public final class AccountWindowSum implements BucketSeries.Accumulator<AccountWindow> {

  private long engagement;
  private long reach;
  private long views;

  /** Per media: {engagement gained, buckets it appears in}. */
  private final Map<String, long[]> media = new HashMap<>();

  @Override
  public void add(AccountWindow bucket) {
    engagement += bucket.engagement();
    reach += bucket.reach();
    views += bucket.views();
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
  public void remove(AccountWindow bucket) {
    engagement -= bucket.engagement();
    reach -= bucket.reach();
    views -= bucket.views();
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

  /**
   * The window as a value of its own (later slides do not change it), stamped with its buckets'
   * latest update.
   */
  public AccountWindow toWindow(long updatedAt) {
    Map<String, Long> gained = new HashMap<>(media.size() * 2);
    media.forEach((id, entry) -> gained.put(id, entry[0]));
    return AccountWindow.restore(engagement, reach, views, () -> gained, updatedAt);
  }
}
