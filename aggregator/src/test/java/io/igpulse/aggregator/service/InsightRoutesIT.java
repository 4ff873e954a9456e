package io.igpulse.aggregator.service;

import static io.igpulse.aggregator.Snapshots.media;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.aggregator.Snapshots;
import io.igpulse.events.AccountAudience;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AudienceKind;
import io.igpulse.events.DemographicBreakdown;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's data routes on the real broker and registry: the account list, an account's
 * latest audience, a hashtag window's top media.
 */
@WithInfrastructure
class InsightRoutesIT {

  private AggregatorHarness harness;
  private AggregatorService service;
  private final String id = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void start(KafkaCluster kafka, SchemaRegistry registry) {
    harness = new AggregatorHarness(kafka, registry);
    service = harness.start(harness.config("insight-routes-it-" + id));
  }

  @AfterEach
  void stop() {
    service.close();
  }

  /**
   * The newest snapshot that read demographics is served, shares of each breakdown's total; an
   * older one arriving late and a newer one without demographics change nothing.
   */
  @Test
  void shouldServeTheLatestAudienceWithShares() {
    Instant monday = AggregatorHarness.nextBase();
    LocalDate day = LocalDate.ofInstant(monday, ZoneOffset.UTC);
    String account = "aud-" + id;
    TopicReader published = harness.mark(Topics.AUDIENCE);
    harness.send(
        withAudience(
            Snapshots.account(account, day, monday.plus(Duration.ofHours(9)), 1000L, 10L),
            Map.of("GB", 600L, "US", 300L, "FR", 100L),
            Map.of("F", 30L, "M", 10L)));
    harness.send(
        withAudience(
            Snapshots.account(
                account, day.minusDays(1), monday.minus(Duration.ofHours(3)), 990L, 5L),
            Map.of("DE", 1L),
            Map.of("U", 1L)));
    harness.send(
        Snapshots.account(account, day.plusDays(1), monday.plus(Duration.ofHours(23)), 1010L, 12L));
    // The last snapshot's day is served as follower history once all three were processed.
    awaitOk(
        "/api/accounts/"
            + account
            + "/followers?from="
            + day.minusDays(1)
            + "&to="
            + day.plusDays(1),
        body -> new JsonArray(body).size() == 3);

    JsonObject audience =
        new JsonObject(awaitOk("/api/accounts/" + account + "/audience", body -> true));

    assertThat(audience.getString("capturedAt"))
        .isEqualTo(monday.plus(Duration.ofHours(9)).toString());
    JsonObject countries = audience.getJsonArray("breakdowns").getJsonObject(0);
    assertThat(countries.getString("audience")).isEqualTo("FOLLOWERS");
    assertThat(countries.getString("dimension")).isEqualTo("country");
    assertThat(countries.getLong("total")).isEqualTo(1000L);
    assertThat(values(countries)).containsExactly("GB=600@0.6", "US=300@0.3", "FR=100@0.1");
    JsonObject gender = audience.getJsonArray("breakdowns").getJsonObject(1);
    assertThat(gender.getString("audience")).isEqualTo("ENGAGED");
    assertThat(values(gender)).containsExactly("F=30@0.75", "M=10@0.25");

    // The same audience on the topic: published once, when the newest snapshot came.
    AccountAudience onTopic =
        harness.awaitLatest(published, Topics.AUDIENCE, l -> l.containsKey(account)).get(account);
    assertThat(onTopic.getCapturedAt()).isEqualTo(monday.plus(Duration.ofHours(9)));
    assertThat(onTopic.getBreakdowns())
        .extracting(
            b ->
                b.getAudience()
                    + " "
                    + b.getDimension()
                    + " "
                    + b.getTotal()
                    + " "
                    + b.getValues().stream()
                        .map(v -> v.getValue() + "=" + v.getCount() + "@" + v.getShare())
                        .toList())
        .containsExactly(
            "FOLLOWERS country 1000 [GB=600@0.6, US=300@0.3, FR=100@0.1]",
            "ENGAGED gender 40 [F=30@0.75, M=10@0.25]");
    assertThat(
            AggregatorHarness.get(service.queryPort(), "/api/accounts/nobody-" + id + "/audience")
                .statusCode())
        .isEqualTo(404);
  }

  /**
   * The worked example's media (360 in 10:00-11:00) against a newer media of another account (100)
   * and public counters of @baker's media (450): the top two, with their owners.
   */
  @Test
  void shouldServeTheTopMediaOfAHashtagWindow() {
    Instant monday = AggregatorHarness.nextBase();
    String tag = "crumb" + id;
    feedWorkedExample(monday, "m1-" + id, "acc-" + id, tag);
    Instant ten = monday.plus(Duration.ofHours(10));
    harness.send(
        media(
            "m2-" + id,
            "acc2-" + id,
            List.of(tag),
            ten,
            ten.plus(Duration.ofMinutes(30)),
            Map.of("engagement", 100L)),
        Snapshots.publicMedia(
            "m3-" + id,
            "baker",
            List.of(tag),
            List.of(),
            ten.plus(Duration.ofMinutes(10)),
            ten.plus(Duration.ofMinutes(50)),
            400L,
            50));

    String uri =
        "/api/hashtags/"
            + tag.toUpperCase()
            + "/media?window=PT1H&at="
            + ten.plus(Duration.ofMinutes(62));
    JsonObject top =
        new JsonObject(
            awaitOk(
                uri,
                body -> {
                  JsonArray media = new JsonObject(body).getJsonArray("media");
                  return media.size() == 2
                      && media.getJsonObject(1).getLong("engagementGained") == 360;
                }));

    assertThat(top.getString("hashtag")).isEqualTo(tag);
    assertThat(top.getString("windowStart")).isEqualTo(ten.toString());
    assertThat(top.getString("windowEnd")).isEqualTo(ten.plus(Duration.ofHours(1)).toString());
    JsonArray media = top.getJsonArray("media");
    assertThat(media.getJsonObject(0).getMap())
        .containsEntry("mediaId", "m3-" + id)
        .containsEntry("owner", "@baker")
        .containsEntry("engagementGained", 450);
    assertThat(media.getJsonObject(1).getMap())
        .containsEntry("mediaId", "m1-" + id)
        .containsEntry("owner", "acc-" + id)
        .containsEntry("engagementGained", 360);
  }

  /**
   * Two accounts with follower history: the one trending (score 3, 360 gained) first, the quiet one
   * (nothing gained, no score) after it, each with its latest followers and net change.
   */
  @Test
  void shouldListAccountsWithLatestFollowersAndTrend() {
    Instant monday = AggregatorHarness.nextBase();
    LocalDate day = LocalDate.ofInstant(monday, ZoneOffset.UTC);
    String hot = "hot-" + id;
    String quiet = "quiet-" + id;
    harness.send(Snapshots.account(hot, day, monday.plus(Duration.ofHours(1)), 5000L, 40L));
    harness.send(
        Snapshots.account(hot, day.plusDays(1), monday.plus(Duration.ofHours(25)), 5120L, 150L));
    harness.send(Snapshots.account(quiet, day, monday.plus(Duration.ofHours(2)), 800L, 3L));
    feedWorkedExample(monday, "h1-" + id, hot, "tag" + id);

    String uri = "/api/accounts?window=PT1H&at=" + monday.plus(Duration.ofHours(11));
    JsonObject list =
        new JsonObject(
            awaitOk(
                uri,
                body -> {
                  List<JsonObject> mine = mine(new JsonObject(body));
                  return mine.size() == 2 && mine.get(0).getLong("engagementGained") == 360;
                }));

    assertThat(list.getString("windowStart"))
        .isEqualTo(monday.plus(Duration.ofHours(10)).toString());
    List<JsonObject> mine = mine(list);
    assertThat(mine.get(0).getMap())
        .containsEntry("igUserId", hot)
        .containsEntry("followersCount", 5120)
        .containsEntry("followersDay", day.plusDays(1).toString())
        .containsEntry("netChange", 120)
        .containsEntry("engagementGained", 360)
        .containsEntry("trendScore", 3.0);
    assertThat(mine.get(1).getMap())
        .containsEntry("igUserId", quiet)
        .containsEntry("followersCount", 800)
        .containsEntry("engagementGained", 0)
        .containsEntry("trendScore", null);
  }

  /**
   * The README's worked example: lifetime 30, 90, 210, 570 read hourly from 08:00 (posted 07:00).
   */
  private void feedWorkedExample(Instant monday, String mediaId, String account, String tag) {
    long[] lifetime = {30, 90, 210, 570};
    for (int hour = 0; hour < 4; hour++) {
      harness.send(
          media(
              mediaId,
              account,
              List.of(tag),
              monday.plus(Duration.ofHours(7)),
              monday.plus(Duration.ofHours(8 + hour)),
              Map.of("engagement", lifetime[hour])));
    }
  }

  private List<JsonObject> mine(JsonObject list) {
    return list.getJsonArray("accounts").stream()
        .map(JsonObject.class::cast)
        .filter(row -> row.getString("igUserId").endsWith(id))
        .toList();
  }

  private String awaitOk(String uri, java.util.function.Predicate<String> done) {
    String[] body = new String[1];
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                HttpResponse<String> response = AggregatorHarness.get(service.queryPort(), uri);
                body[0] = response.statusCode() + " " + response.body();
                return response.statusCode() == 200 && done.test(response.body());
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(uri + " last answered " + body[0], e);
    }
    return body[0].substring(4);
  }

  private static List<String> values(JsonObject breakdown) {
    return breakdown.getJsonArray("values").stream()
        .map(JsonObject.class::cast)
        .map(v -> v.getString("value") + "=" + v.getLong("count") + "@" + v.getDouble("share"))
        .toList();
  }

  private static AccountInsightSnapshot withAudience(
      AccountInsightSnapshot snapshot, Map<String, Long> countries, Map<String, Long> gender) {
    snapshot.setDemographics(
        List.of(
            new DemographicBreakdown(AudienceKind.FOLLOWERS, "country", countries),
            new DemographicBreakdown(AudienceKind.ENGAGED, "gender", gender)));
    return snapshot;
  }
}
