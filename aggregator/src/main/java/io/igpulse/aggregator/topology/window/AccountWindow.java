package io.igpulse.aggregator.topology.window;

import io.igpulse.aggregator.topology.delta.MediaDelta;
import java.util.HashMap;
import java.util.Map;

/**
 * What an account gained in one window. Mutable on purpose: Kafka Streams aggregators update one
 * value per record, and copying the per-media map on every delta would cost more than the update
 * itself.
 */
public record AccountWindow(
    long engagement, long reach, long views, Map<String, Long> mediaEngagement, long updatedAt) {

  public AccountWindow {
    mediaEngagement = new HashMap<>(mediaEngagement);
  }

  public static AccountWindow empty() {
    return new AccountWindow(0, 0, 0, Map.of(), 0);
  }

  public AccountWindow add(MediaDelta delta) {
    mediaEngagement.merge(delta.mediaId(), delta.engagement(), Long::sum);
    return new AccountWindow(
        engagement + delta.engagement(),
        reach + delta.reach(),
        views + delta.views(),
        mediaEngagement,
        Math.max(updatedAt, delta.capturedAt()));
  }
}
