package io.igpulse.aggregator.topology.window;

import java.util.HashMap;
import java.util.Map;

/**
 * The running sum of an account's buckets for a sliding pass ({@link BucketSeries#slide}), the part
 * both window kinds share: what {@code combine} gives for the buckets currently added, kept up as
 * buckets come and go. Each media keeps how many of those buckets it appears in, so it leaves the
 * window with its last bucket even when its gains there summed to zero.
 */
abstract class MediaGainsSum<W extends MediaGains> implements BucketSeries.Accumulator<W> {

  private long engagement;

  /** Per media: {engagement gained, buckets it appears in}. */
  private final Map<String, long[]> media = new HashMap<>();

  final void addGains(MediaGains bucket) {
    engagement += bucket.engagement();
    bucket
        .mediaEngagement()
        .forEach(
            (id, gained) -> {
              long[] entry = media.computeIfAbsent(id, k -> new long[2]);
              entry[0] += gained;
              entry[1]++;
            });
  }

  final void removeGains(MediaGains bucket) {
    engagement -= bucket.engagement();
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

  final long engagement() {
    return engagement;
  }

  /** The per-media gains now, as a map of its own (later slides do not change it). */
  final Map<String, Long> mediaEngagement() {
    Map<String, Long> gained = new HashMap<>(media.size() * 2);
    media.forEach((id, entry) -> gained.put(id, entry[0]));
    return gained;
  }
}
