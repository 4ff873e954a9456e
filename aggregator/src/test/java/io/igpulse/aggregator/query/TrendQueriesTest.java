package io.igpulse.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.config.WindowSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window starts a series query reads: multiples of the advance, both ends included. */
class TrendQueriesTest {

  private static final WindowSpec HOURLY =
      new WindowSpec(Duration.ofHours(1), Duration.ofMinutes(5));

  @Test
  void shouldStartAtTheFirstAdvanceAtOrAfterFromAndIncludeTo() {
    assertThat(
            TrendQueries.starts(
                HOURLY,
                Instant.parse("2026-11-23T10:03:00Z"),
                Instant.parse("2026-11-23T10:20:00Z")))
        .extracting(Instant::ofEpochMilli)
        .containsExactly(
            Instant.parse("2026-11-23T10:05:00Z"),
            Instant.parse("2026-11-23T10:10:00Z"),
            Instant.parse("2026-11-23T10:15:00Z"),
            Instant.parse("2026-11-23T10:20:00Z"));
  }

  @Test
  void shouldKeepAFromOnAnAdvanceAndAnswerNothingWhenNoAdvanceLiesBetween() {
    Instant onAdvance = Instant.parse("2026-11-23T10:05:00Z");

    assertThat(TrendQueries.starts(HOURLY, onAdvance, onAdvance))
        .isEqualTo(List.of(onAdvance.toEpochMilli()));
    assertThat(
            TrendQueries.starts(
                HOURLY,
                Instant.parse("2026-11-23T10:06:00Z"),
                Instant.parse("2026-11-23T10:09:59Z")))
        .isEmpty();
  }
}
