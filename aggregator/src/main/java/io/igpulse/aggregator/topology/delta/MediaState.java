package io.igpulse.aggregator.topology.delta;

import java.util.Map;

/**
 * What the aggregator remembers of one media between snapshots: the capture time and last known
 * value of each tracked metric (a metric missing from a snapshot keeps its earlier value), and
 * whether the media was already counted for its posting hour.
 */
public record MediaState(
    long capturedAt, Map<String, Long> metrics, boolean countedForPostingHour) {

  public MediaState {
    metrics = Map.copyOf(metrics);
  }
}
