package io.igpulse.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which window a point in time names in the query API ({@code at}). */
class WindowSpecTest {

  private static final WindowSpec HOURLY =
      new WindowSpec(Duration.ofHours(1), Duration.ofMinutes(5));
  private static final WindowSpec DAILY = new WindowSpec(Duration.ofHours(24), Duration.ofHours(1));

  private static Instant start(WindowSpec spec, String at) {
    return Instant.ofEpochMilli(spec.startOfWindowEndingBy(Instant.parse(at).toEpochMilli()));
  }

  @Test
  void shouldNameTheWindowEndingAtTheTimeRoundedDownToTheAdvance() {
    // "The last hour as of 13:55": 12:55-13:55 (the old rule gave 13:00-14:00, a window whose
    // last hour had not happened yet).
    assertThat(start(HOURLY, "2026-11-23T13:55:00Z")).isEqualTo("2026-11-23T12:55:00Z");
    assertThat(start(HOURLY, "2026-11-23T13:57:30Z")).isEqualTo("2026-11-23T12:55:00Z");
    assertThat(start(HOURLY, "2026-11-23T13:59:59.999Z")).isEqualTo("2026-11-23T12:55:00Z");
    assertThat(start(HOURLY, "2026-11-23T14:00:00Z")).isEqualTo("2026-11-23T13:00:00Z");
    assertThat(start(DAILY, "2026-11-23T13:55:00Z")).isEqualTo("2026-11-22T13:00:00Z");
  }
}
