package io.igpulse.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.trend.ScoredHashtag;
import io.igpulse.events.AccountTrend;
import io.igpulse.events.MediaContribution;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query API's JSON shapes: names, values, and what a missing score or rank looks like. */
class TrendJsonTest {

  private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant END = Instant.parse("2026-11-23T11:00:00Z");

  @Test
  void shouldWriteAnAccountTrendWithItsTopMediaAndANullScoreBeforeABaseline() {
    AccountTrend trend =
        AccountTrend.newBuilder()
            .setIgUserId("17841")
            .setWindowStart(START)
            .setWindowEnd(END)
            .setEngagementGained(360)
            .setReachGained(1200)
            .setViewsGained(5000)
            .setContributingMedia(2)
            .setTopMedia(
                List.of(new MediaContribution("m1", 300L), new MediaContribution("m2", 60L)))
            .setVelocityPerHour(360.0)
            .setBaselineVelocityPerHour(null)
            .setTrendScore(null)
            .setUpdatedAt(END)
            .build();

    JsonObject json = TrendJson.account(trend);

    assertThat(json.getString("igUserId")).isEqualTo("17841");
    assertThat(json.getString("windowStart")).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(json.getString("windowEnd")).isEqualTo("2026-11-23T11:00:00Z");
    assertThat(json.getLong("engagementGained")).isEqualTo(360);
    assertThat(json.getLong("reachGained")).isEqualTo(1200);
    assertThat(json.getLong("viewsGained")).isEqualTo(5000);
    assertThat(json.getInteger("contributingMedia")).isEqualTo(2);
    assertThat(json.getJsonArray("topMedia"))
        .isEqualTo(
            new JsonArray()
                .add(new JsonObject().put("mediaId", "m1").put("engagementGained", 300L))
                .add(new JsonObject().put("mediaId", "m2").put("engagementGained", 60L)));
    assertThat(json.getDouble("velocityPerHour")).isEqualTo(360.0);
    // Present and null: a client can tell "no baseline yet" from a missing field.
    assertThat(json.containsKey("trendScore")).isTrue();
    assertThat(json.getDouble("trendScore")).isNull();
    assertThat(json.getDouble("baselineVelocityPerHour")).isNull();
  }

  @Test
  void shouldWriteAHashtagWithItsRankOrANullRankOutsideTheTop() {
    ScoredHashtag scored =
        new ScoredHashtag(
            "bread",
            START.toEpochMilli(),
            END.toEpochMilli(),
            360,
            2,
            1,
            360.0,
            90.0,
            3.0,
            END.toEpochMilli());

    JsonObject ranked = TrendJson.hashtag(scored, 1);
    JsonObject unranked = TrendJson.hashtag(scored, null);

    assertThat(ranked.getInteger("rank")).isEqualTo(1);
    assertThat(ranked.getString("hashtag")).isEqualTo("bread");
    assertThat(ranked.getString("windowStart")).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(ranked.getLong("engagementGained")).isEqualTo(360);
    assertThat(ranked.getInteger("distinctMedia")).isEqualTo(2);
    assertThat(ranked.getInteger("distinctAccounts")).isEqualTo(1);
    assertThat(ranked.getDouble("baselineVelocityPerHour")).isEqualTo(90.0);
    assertThat(ranked.getDouble("trendScore")).isEqualTo(3.0);
    assertThat(unranked.containsKey("rank")).isTrue();
    assertThat(unranked.getInteger("rank")).isNull();
  }

  @Test
  void shouldListTheWindowFamiliesInConfiguredOrder() {
    JsonObject json =
        TrendJson.windows(
            List.of(
                new WindowSpec(Duration.ofHours(1), Duration.ofMinutes(5)),
                new WindowSpec(Duration.ofHours(24), Duration.ofHours(1))));

    assertThat(json.getJsonArray("windows"))
        .isEqualTo(
            new JsonArray()
                .add(
                    new JsonObject().put("name", "PT1H").put("size", "PT1H").put("advance", "PT5M"))
                .add(
                    new JsonObject()
                        .put("name", "PT24H")
                        .put("size", "PT24H")
                        .put("advance", "PT1H")));
  }
}
