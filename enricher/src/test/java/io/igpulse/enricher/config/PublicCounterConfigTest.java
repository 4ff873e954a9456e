package io.igpulse.enricher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.igpulse.enricher.schedule.Cadence;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublicCounterConfigTest {

  @Test
  void shouldFollowPublicCountersOnTheFeedCadencesBandsButCoarser() {
    Cadence feed = Cadence.defaults();
    Cadence counters = PublicCounterConfig.defaults(180).cadence();

    assertThat(counters.maxAge()).isEqualTo(feed.maxAge());
    for (long hours = 0; hours < 30 * 24; hours++) {
      Duration age = Duration.ofHours(hours);
      assertThat(counters.stepAt(age))
          .as("step at %s", age)
          .isGreaterThanOrEqualTo(feed.stepAt(age));
    }
    assertThat(counters.snapshotsPerMedia()).isEqualTo(6 + 14 + 10 + 23);
    assertThat(feed.snapshotsPerMedia()).isEqualTo(24 + 42 + 20 + 23);
  }

  @Test
  void shouldGiveTheEdgesAQuarterOfTheAccountsBudgetByDefault() {
    PublicCounterConfig c = PublicCounterConfig.defaults(180);
    assertThat(c.callsPerHour()).isEqualTo(45);
    assertThat(c.hashtagCallsPerHour()).isEqualTo(60);
    assertThat(c.maxListed()).isEqualTo(500);
  }

  @Test
  void shouldRefuseAHashtagShareAboveTheApisLimit() {
    assertThatThrownBy(
            () -> new PublicCounterConfig(PublicCounterConfig.defaults(180).cadence(), 10, 201, 10))
        .hasMessageContaining("IGPULSE_ENRICHER_PUBLIC_HASHTAG_CALLS_PER_HOUR");
  }
}
