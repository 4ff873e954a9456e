package io.igpulse.runtime.streams;

import java.time.Duration;
import org.apache.kafka.common.MetricName;

/**
 * Reads a Kafka client metric as a sign that the brokers are away: a group consumer's seconds since
 * its last heartbeat to the coordinator ({@code consumer-coordinator-metrics}, {@code
 * last-heartbeat-seconds-ago}; -1 before the first).
 */
final class BrokerSilence {

  static final String GROUP = "consumer-coordinator-metrics";
  static final String NAME = "last-heartbeat-seconds-ago";

  private BrokerSilence() {}

  static boolean isSilent(MetricName name, Object value, Duration after) {
    return NAME.equals(name.name())
        && GROUP.equals(name.group())
        && value instanceof Number seconds
        && seconds.doubleValue() > after.toSeconds();
  }
}
