package io.igpulse.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class BrokerSilenceTest {

  private static final Duration AFTER = Duration.ofSeconds(10);

  private static MetricName metric(String name, String group) {
    return new MetricName(name, group, "", Map.of("client-id", "app-StreamThread-1-consumer"));
  }

  @Test
  void shouldCallACoordinatorWithoutAHeartbeatForLongerThanTheLimitSilent() {
    MetricName heartbeat = metric(BrokerSilence.NAME, BrokerSilence.GROUP);

    assertThat(BrokerSilence.isSilent(heartbeat, 11.0, AFTER)).isTrue();
    assertThat(BrokerSilence.isSilent(heartbeat, 10.0, AFTER)).isFalse();
    assertThat(BrokerSilence.isSilent(heartbeat, 2.0, AFTER)).isFalse();
    assertThat(BrokerSilence.isSilent(heartbeat, -1.0, AFTER)).as("no heartbeat yet").isFalse();
  }

  @Test
  void shouldIgnoreEveryOtherMetric() {
    assertThat(BrokerSilence.isSilent(metric(BrokerSilence.NAME, "producer-metrics"), 99.0, AFTER))
        .isFalse();
    assertThat(
            BrokerSilence.isSilent(
                metric("last-poll-seconds-ago", BrokerSilence.GROUP), 99.0, AFTER))
        .isFalse();
    assertThat(BrokerSilence.isSilent(metric(BrokerSilence.NAME, BrokerSilence.GROUP), "x", AFTER))
        .isFalse();
  }
}
