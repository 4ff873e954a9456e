package io.igpulse.aggregator.topology.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.AccountAudience;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AudienceBreakdown;
import io.igpulse.events.AudienceKind;
import io.igpulse.events.AudienceShare;
import io.igpulse.events.DemographicBreakdown;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An account's audience: values largest first with shares; only a later capture replaces it. */
class AudienceTest {

  private static AccountInsightSnapshot snapshot(
      Instant capturedAt, List<DemographicBreakdown> demographics) {
    return AccountInsightSnapshot.newBuilder()
        .setIgUserId("acc-1")
        .setDay(LocalDate.of(2026, 11, 23))
        .setCapturedAt(capturedAt)
        .setApiVersion("v24.0")
        .setDemographics(demographics)
        .build();
  }

  @Test
  void shouldOrderValuesLargestFirstWithTheirShares() {
    JsonObject audience =
        Audience.of(
            snapshot(
                Instant.parse("2026-11-23T09:00:00Z"),
                List.of(
                    new DemographicBreakdown(
                        AudienceKind.ENGAGED,
                        "age",
                        Map.of("18-24", 25L, "25-34", 75L, "65+", 0L)))));

    JsonObject age = audience.getJsonArray("breakdowns").getJsonObject(0);
    assertThat(age.getString("audience")).isEqualTo("ENGAGED");
    assertThat(age.getLong("total")).isEqualTo(100L);
    assertThat(
            age.getJsonArray("values").stream()
                .map(JsonObject.class::cast)
                .map(v -> v.getString("value") + "@" + v.getDouble("share"))
                .toList())
        .containsExactly("25-34@0.75", "18-24@0.25", "65+@0.0");
  }

  @Test
  void shouldIgnoreASnapshotThatReadNoDemographics() {
    assertThat(Audience.of(snapshot(Instant.parse("2026-11-23T09:00:00Z"), List.of()))).isNull();
  }

  @Test
  void shouldReplaceOnlyWithALaterCapture() {
    List<DemographicBreakdown> some =
        List.of(new DemographicBreakdown(AudienceKind.FOLLOWERS, "gender", Map.of("F", 1L)));
    JsonObject nine = Audience.of(snapshot(Instant.parse("2026-11-23T09:00:00Z"), some));
    JsonObject eight = Audience.of(snapshot(Instant.parse("2026-11-23T08:00:00Z"), some));

    assertThat(Audience.newer(nine, null)).isTrue();
    assertThat(Audience.newer(nine, eight)).isTrue();
    assertThat(Audience.newer(eight, nine)).isFalse();
    assertThat(Audience.newer(nine, nine)).isFalse();
  }

  @Test
  void shouldPublishTheSameNumbersAsItServes() {
    JsonObject audience =
        Audience.of(
            snapshot(
                Instant.parse("2026-11-23T09:00:00Z"),
                List.of(
                    new DemographicBreakdown(
                        AudienceKind.FOLLOWERS, "country", Map.of("GB", 3L, "US", 1L)))));

    AccountAudience event = Audience.toEvent(audience);

    assertThat(event.getIgUserId()).isEqualTo("acc-1");
    assertThat(event.getCapturedAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    assertThat(event.getBreakdowns())
        .containsExactly(
            new AudienceBreakdown(
                AudienceKind.FOLLOWERS,
                "country",
                4L,
                List.of(new AudienceShare("GB", 3L, 0.75), new AudienceShare("US", 1L, 0.25))));
  }
}
