package io.igpulse.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.query.QueryBounds.BadQueryException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every query parameter has a bound, and crossing it is a refusal with a message, not work. */
class QueryBoundsTest {

  private static final WindowSpec HOURLY =
      new WindowSpec(Duration.ofHours(1), Duration.ofMinutes(5));

  @Test
  void shouldAcceptAnInstantInsideTheRange() {
    assertThat(QueryBounds.instant("at", "2026-11-23T10:00:00Z"))
        .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(QueryBounds.instant("at", "2010-01-01T00:00:00Z")).isEqualTo(QueryBounds.EARLIEST);
  }

  @Test
  void shouldRefuseAnInstantWhoseEpochMillisOverflow() {
    // Instant.parse accepts it; toEpochMilli would throw ArithmeticException on the event loop.
    assertThatThrownBy(() -> QueryBounds.instant("at", "+1000000000-01-01T00:00:00Z"))
        .isInstanceOf(BadQueryException.class)
        .hasMessage("at must lie between 2010-01-01T00:00:00Z and 2100-01-01T00:00:00Z");
  }

  @Test
  void shouldRefuseInstantsOutsideTheRangeAndUnparsableOnes() {
    assertThatThrownBy(() -> QueryBounds.instant("to", "2100-01-01T00:00:00Z"))
        .hasMessage("to must lie between 2010-01-01T00:00:00Z and 2100-01-01T00:00:00Z");
    assertThatThrownBy(() -> QueryBounds.instant("from", "2009-12-31T23:59:59Z"))
        .hasMessage("from must lie between 2010-01-01T00:00:00Z and 2100-01-01T00:00:00Z");
    assertThatThrownBy(() -> QueryBounds.instant("from", "yesterday"))
        .hasMessage("from must be an ISO-8601 instant like 2026-11-23T10:00:00Z");
  }

  @Test
  void shouldAcceptASpanOfExactlyTheMostWindows() {
    Instant from = Instant.parse("2026-11-01T00:00:00Z");
    // 999 advances of 5 minutes after the first start: 1000 window starts.
    QueryBounds.series(HOURLY, from, from.plus(Duration.ofMinutes(5 * 999)));
  }

  @Test
  void shouldRefuseASpanOfOneWindowMoreThanTheMost() {
    Instant from = Instant.parse("2026-11-01T00:00:00Z");

    assertThatThrownBy(
            () -> QueryBounds.series(HOURLY, from, from.plus(Duration.ofMinutes(5 * 1000))))
        .isInstanceOf(BadQueryException.class)
        .hasMessage("from..to spans 1001 windows of PT1H/PT5M; at most 1000 (at most PT83H15M)");
  }

  @Test
  void shouldRefuseTheYearsLongSpanWithoutEnumeratingIt() {
    assertThatThrownBy(
            () ->
                QueryBounds.series(
                    HOURLY,
                    Instant.parse("2010-01-01T00:00:00Z"),
                    Instant.parse("2026-01-01T00:00:00Z")))
        .hasMessageStartingWith("from..to spans 1683073 windows of PT1H/PT5M; at most 1000");
  }

  @Test
  void shouldRefuseFromAfterTo() {
    assertThatThrownBy(
            () ->
                QueryBounds.series(
                    HOURLY,
                    Instant.parse("2026-11-02T00:00:00Z"),
                    Instant.parse("2026-11-01T00:00:00Z")))
        .hasMessage("from 2026-11-02T00:00:00Z is after to 2026-11-01T00:00:00Z");
    assertThatThrownBy(
            () -> QueryBounds.days(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-01")))
        .hasMessage("from 2026-11-02 is after to 2026-11-01");
  }

  @Test
  void shouldBoundDaysByRangeAndSpan() {
    assertThat(QueryBounds.day("to", "2026-11-23")).isEqualTo(LocalDate.parse("2026-11-23"));
    assertThatThrownBy(() -> QueryBounds.day("to", "+999999999-12-31"))
        .hasMessage("to must lie between 2010-01-01 and 2100-01-01");
    assertThatThrownBy(() -> QueryBounds.day("from", "23/11/2026"))
        .hasMessage("from must be a date like 2026-11-23");
    QueryBounds.days(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-01").plusDays(999));
    assertThatThrownBy(
            () ->
                QueryBounds.days(
                    LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-01").plusDays(1000)))
        .hasMessage("from..to spans 1001 days; at most 1000");
  }

  @Test
  void shouldBoundTheLengthOfAPathKey() {
    assertThat(QueryBounds.key("hashtag", "a".repeat(200))).hasSize(200);
    assertThatThrownBy(() -> QueryBounds.key("hashtag", "a".repeat(201)))
        .hasMessage("hashtag must have 1 to 200 characters, got 201");
  }
}
