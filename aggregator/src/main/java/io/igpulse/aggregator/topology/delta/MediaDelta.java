package io.igpulse.aggregator.topology.delta;

import java.util.List;
import java.util.Map;

/**
 * The change of a media's metrics between two successive snapshots, at the later snapshot's capture
 * time. Metrics absent from either snapshot are absent here: they changed by an unknown amount, not
 * by minus their value.
 *
 * @param firstDayDelta whether the later snapshot was captured within 24 h of posting
 * @param firstCountForPostingHour whether this is the first first-day delta of the media (counts it
 *     once per hour)
 */
public record MediaDelta(
    String mediaId,
    String ownerId,
    List<String> hashtags,
    long postedAt,
    long capturedAt,
    Map<String, Long> changes,
    boolean firstDayDelta,
    boolean firstCountForPostingHour) {

  public MediaDelta {
    hashtags = List.copyOf(hashtags);
    changes = Map.copyOf(changes);
  }

  public long engagement() {
    return changes.getOrDefault(DeltaCalculator.ENGAGEMENT, 0L);
  }

  public long reach() {
    return changes.getOrDefault("reach", 0L);
  }

  public long views() {
    return changes.getOrDefault("views", 0L);
  }
}
