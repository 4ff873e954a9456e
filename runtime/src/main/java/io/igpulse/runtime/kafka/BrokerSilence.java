package io.igpulse.runtime.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Whether a client's brokers are away, read from its own metrics: a group consumer's seconds since
 * its last heartbeat to the coordinator ({@code consumer-coordinator-metrics}, {@code
 * last-heartbeat-seconds-ago}; -1 before the first). Heartbeats go every 3 s while the coordinator
 * answers; a client that keeps RUNNING or polling through an outage shows it only here.
 */
public final class BrokerSilence {

  /** No heartbeat for this long: the brokers are away. */
  public static final Duration SILENT_AFTER = Duration.ofSeconds(10);

  static final String GROUP = "consumer-coordinator-metrics";
  static final String NAME = "last-heartbeat-seconds-ago";

  private BrokerSilence() {}

  /** Whether any group consumer among these metrics has gone {@link #SILENT_AFTER} without one. */
  public static boolean anySilent(Map<MetricName, ? extends Metric> metrics) {
    for (Map.Entry<MetricName, ? extends Metric> m : metrics.entrySet()) {
      if (isSilent(m.getKey(), m.getValue().metricValue(), SILENT_AFTER)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A group consumer's heartbeat metric among these, to read again later (a client's metric object
   * lives as long as the client, and reading its value is thread-safe); empty when it has none.
   */
  public static Optional<Metric> heartbeat(Map<MetricName, ? extends Metric> metrics) {
    return metrics.entrySet().stream()
        .filter(m -> NAME.equals(m.getKey().name()) && GROUP.equals(m.getKey().group()))
        .<Metric>map(Map.Entry::getValue)
        .findFirst();
  }

  /** Whether this heartbeat metric says {@link #SILENT_AFTER} went by without one. */
  public static boolean isSilent(Metric heartbeat) {
    return isSilent(heartbeat.metricName(), heartbeat.metricValue(), SILENT_AFTER);
  }

  static boolean isSilent(MetricName name, Object value, Duration after) {
    return NAME.equals(name.name())
        && GROUP.equals(name.group())
        && value instanceof Number seconds
        && seconds.doubleValue() > after.toSeconds();
  }
}
