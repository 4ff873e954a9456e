package io.igpulse.aggregator.service;

import static io.igpulse.aggregator.Snapshots.media;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.Snapshots;
import io.igpulse.aggregator.topology.account.HourOfWeek;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AccountTrend;
import io.igpulse.events.EarnedMediaTrend;
import io.igpulse.events.FollowerGrowth;
import io.igpulse.events.HashtagTrend;
import io.igpulse.events.MediaFollows;
import io.igpulse.events.MediaFollowsDay;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.PostingHours;
import io.igpulse.schemas.deadletter.DeadLetters;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.LengthBombs;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregator service on the real broker and registry: trends out, queries answered, poison
 * dead-lettered.
 */
@WithInfrastructure
class AggregatorIT {

  private AggregatorHarness harness;
  private AggregatorService service;
  private final String id = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void start(KafkaCluster kafka, SchemaRegistry registry) {
    harness = new AggregatorHarness(kafka, registry);
    service = harness.start(harness.config("aggregator-it-" + id));
  }

  @AfterEach
  void stop() {
    service.close();
  }

  /**
   * The README's worked example, end to end: 30, 60, 120 per hour, then 360 -> baseline 90, score
   * 3. Captures on the hour: each hour's gain is spread within its hour.
   */
  @Test
  void shouldPublishAndServeTheExactTrendsOfTheWorkedExample() {
    Instant monday = AggregatorHarness.nextBase();
    String tag = "bread" + id;
    String account = "acc-" + id;
    Instant posted = monday.plus(Duration.ofHours(7));
    TopicReader hashtagTrends = harness.mark(Topics.HASHTAG_TRENDS);
    TopicReader accountTrends = harness.mark(Topics.ACCOUNT_TRENDS);

    long[] lifetime = {30, 90, 210, 570};
    for (int hour = 0; hour < 4; hour++) {
      harness.send(
          media(
              "m-" + id,
              account,
              List.of(tag),
              posted,
              monday.plus(Duration.ofHours(8 + hour)),
              Map.of("engagement", lifetime[hour])));
    }

    String windowKey = tag + "@" + monday.plus(Duration.ofHours(10)) + "/PT1H";
    Map<String, HashtagTrend> hashtags =
        harness.awaitLatest(
            hashtagTrends,
            Topics.HASHTAG_TRENDS,
            latest ->
                latest.containsKey(windowKey)
                    && latest.get(windowKey).getEngagementGained() == 360);
    HashtagTrend trend = hashtags.get(windowKey);
    assertThat(trend.getBaselineVelocityPerHour()).isEqualTo(90.0);
    assertThat(trend.getTrendScore()).isEqualTo(3.0);
    assertThat(trend.getRank()).isEqualTo(1);
    assertThat(trend.getDistinctMedia()).isEqualTo(1);
    String accountKey = account + "@" + monday.plus(Duration.ofHours(10)) + "/PT1H";
    AccountTrend accountTrend =
        harness
            .awaitLatest(
                accountTrends,
                Topics.ACCOUNT_TRENDS,
                latest ->
                    latest.containsKey(accountKey)
                        && latest.get(accountKey).getEngagementGained() == 360)
            .get(accountKey);
    assertThat(accountTrend.getTrendScore()).isEqualTo(3.0);

    // "The last hour as of 11:03" is the window ending at 11:00 (the old rule answered 10:05).
    HttpResponse<String> top =
        AggregatorHarness.get(
            service.queryPort(),
            "/api/hashtags/top?window=PT1H&at=" + monday.plus(Duration.ofMinutes(11 * 60 + 3)));
    assertThat(top.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(top.body()).getString("windowStart"))
        .isEqualTo(monday.plus(Duration.ofHours(10)).toString());
    JsonObject first = new JsonObject(top.body()).getJsonArray("hashtags").getJsonObject(0);
    assertThat(first.getString("hashtag")).isEqualTo(tag);
    assertThat(first.getInteger("rank")).isEqualTo(1);
    assertThat(first.getLong("engagementGained")).isEqualTo(360L);
    HttpResponse<String> series =
        AggregatorHarness.get(
            service.queryPort(),
            "/api/hashtags/"
                + tag
                + "/trend?window=PT1H&from="
                + monday.plus(Duration.ofHours(10))
                + "&to="
                + monday.plus(Duration.ofHours(10)));
    JsonObject window = new JsonArray(series.body()).getJsonObject(0);
    assertThat(window.getString("windowStart"))
        .isEqualTo(monday.plus(Duration.ofHours(10)).toString());
    assertThat(window.getDouble("trendScore")).isEqualTo(3.0);
    assertThat(window.getDouble("baselineVelocityPerHour")).isEqualTo(90.0);
  }

  /**
   * Public counters of a media tagging two followed accounts: published and served as their earned
   * media, never as their own trends.
   */
  @Test
  void shouldPublishAndServeEarnedMediaFromPublicCounters() {
    Instant monday = AggregatorHarness.nextBase();
    String tagged = "tagged-" + id;
    String other = "other-" + id;
    Instant posted = monday.plus(Duration.ofHours(9));
    TopicReader earned = harness.mark(Topics.EARNED_TRENDS);

    harness.send(
        Snapshots.publicMedia(
            "t-" + id,
            "baker",
            List.of(),
            List.of(tagged, other),
            posted,
            posted.plus(Duration.ofMinutes(20)),
            40L,
            5),
        Snapshots.publicMedia(
            "t-" + id,
            "baker",
            List.of(),
            List.of(tagged, other),
            posted,
            posted.plus(Duration.ofMinutes(50)),
            100L,
            8));

    String key = tagged + "@" + posted + "/PT1H";
    EarnedMediaTrend trend =
        harness
            .awaitLatest(
                earned,
                Topics.EARNED_TRENDS,
                latest -> latest.containsKey(key) && latest.get(key).getEngagementGained() == 108)
            .get(key);
    assertThat(trend.getLikesGained()).isEqualTo(100L);
    assertThat(trend.getCommentsGained()).isEqualTo(8L);
    assertThat(trend.getContributingMedia()).isEqualTo(1);
    JsonObject served =
        new JsonArray(
                AggregatorHarness.get(
                        service.queryPort(),
                        "/api/accounts/"
                            + other
                            + "/earned?window=PT1H&from="
                            + posted
                            + "&to="
                            + posted)
                    .body())
            .getJsonObject(0);
    assertThat(served.getLong("engagementGained")).isEqualTo(108L);
    assertThat(served.getLong("likesGained")).isEqualTo(100L);
    assertThat(served.getJsonArray("topMedia").getJsonObject(0).getString("mediaId"))
        .isEqualTo("t-" + id);
    // Its own trends know nothing of it (the store is read after the earned trend was published).
    assertThat(
            AggregatorHarness.get(
                    service.queryPort(),
                    "/api/accounts/"
                        + tagged
                        + "/trend?window=PT1H&from="
                        + posted
                        + "&to="
                        + posted)
                .body())
        .isEqualTo("[]");
  }

  @Test
  void shouldPublishAndServeFollowerGrowthAndPostingHours() {
    Instant monday = AggregatorHarness.nextBase();
    String account = "acc-" + id;
    LocalDate day1 = LocalDate.ofInstant(monday, ZoneOffset.UTC);
    TopicReader growth = harness.mark(Topics.FOLLOWER_GROWTH);
    TopicReader hours = harness.mark(Topics.POSTING_HOURS);

    harness.send(Snapshots.account(account, day1, monday.plus(Duration.ofHours(25)), 1_000L, 12L));
    harness.send(
        Snapshots.account(
            account, day1.plusDays(1), monday.plus(Duration.ofHours(49)), 1_025L, 30L));
    Instant posted = monday.plus(Duration.ofHours(9));
    int hourOfWeek = HourOfWeek.of(posted.toEpochMilli(), ZoneOffset.UTC);
    harness.send(
        media(
            "p-" + id,
            account,
            List.of(),
            posted,
            posted.plus(Duration.ofMinutes(30)),
            Map.of("engagement", 40L)),
        media(
            "p-" + id,
            account,
            List.of(),
            posted,
            posted.plus(Duration.ofHours(20)),
            Map.of("engagement", 90L)));

    String dayTwo = account + "@" + day1.plusDays(1);
    FollowerGrowth grown =
        harness
            .awaitLatest(growth, Topics.FOLLOWER_GROWTH, latest -> latest.containsKey(dayTwo))
            .get(dayTwo);
    assertThat(grown.getNetChange()).isEqualTo(25L);
    assertThat(grown.getNewFollowers()).isEqualTo(30L);
    PostingHours best =
        harness
            .awaitLatest(
                hours,
                Topics.POSTING_HOURS,
                latest ->
                    latest.containsKey(account)
                        && latest.get(account).getHours().get(0).getEngagementGained() == 90)
            .get(account);
    assertThat(best.getBestHours()).containsExactly(hourOfWeek);

    JsonArray followers =
        new JsonArray(
            AggregatorHarness.get(
                    service.queryPort(),
                    "/api/accounts/"
                        + account
                        + "/followers?from="
                        + day1
                        + "&to="
                        + day1.plusDays(1))
                .body());
    assertThat(followers).hasSize(2);
    assertThat(followers.getJsonObject(1).getLong("netChange")).isEqualTo(25L);
    JsonObject served =
        new JsonObject(
            AggregatorHarness.get(
                    service.queryPort(), "/api/accounts/" + account + "/posting-hours")
                .body());
    assertThat(served.getJsonArray("bestHours").getList()).containsExactly(hourOfWeek);
  }

  /**
   * Three media of one account gain 12, 20 and 1 follows on one day (b's one snapshot counts whole:
   * young); another account's media gains 50. Published and served: 33 in all, by 3 media, the top
   * two (the harness's top-media count) b then a.
   */
  @Test
  void shouldPublishAndServeTheMediaThatGrewFollowers() {
    Instant base = AggregatorHarness.nextBase();
    LocalDate day = LocalDate.ofInstant(base, ZoneOffset.UTC);
    String account = "acc-" + id;
    TopicReader follows = harness.mark(Topics.MEDIA_FOLLOWS);
    Instant posted = base.plus(Duration.ofHours(9));
    harness.send(
        media(
            "fa-" + id,
            account,
            List.of(),
            posted,
            posted.plus(Duration.ofMinutes(30)),
            Map.of("follows", 2L)),
        media(
            "fa-" + id,
            account,
            List.of(),
            posted,
            posted.plus(Duration.ofHours(6)),
            Map.of("follows", 12L)),
        media(
            "fb-" + id,
            account,
            List.of(),
            posted,
            posted.plus(Duration.ofMinutes(45)),
            Map.of("follows", 20L)),
        media(
            "fc-" + id,
            account,
            List.of(),
            posted,
            posted.plus(Duration.ofHours(1)),
            Map.of("follows", 1L)),
        media(
            "fd-" + id,
            "other-" + id,
            List.of(),
            posted,
            posted.plus(Duration.ofHours(1)),
            Map.of("follows", 50L)));

    String key = account + "@" + day;
    MediaFollowsDay published =
        harness
            .awaitLatest(
                follows,
                Topics.MEDIA_FOLLOWS,
                latest -> latest.containsKey(key) && latest.get(key).getMediaCount() == 3)
            .get(key);
    assertThat(published.getFollowsGained()).isEqualTo(33L);
    assertThat(published.getTopMedia())
        .containsExactly(new MediaFollows("fb-" + id, 20L), new MediaFollows("fa-" + id, 12L));

    JsonObject served =
        new JsonObject(
            AggregatorHarness.get(
                    service.queryPort(), "/api/accounts/" + account + "/media-follows?day=" + day)
                .body());
    assertThat(served.getLong("followsGained")).isEqualTo(33L);
    assertThat(served.getInteger("mediaCount")).isEqualTo(3);
    assertThat(served.getJsonArray("media").stream().map(Object::toString).toList())
        .containsExactly(
            "{\"mediaId\":\"fb-" + id + "\",\"followsGained\":20}",
            "{\"mediaId\":\"fa-" + id + "\",\"followsGained\":12}");
    JsonObject dayBefore =
        new JsonObject(
            AggregatorHarness.get(
                    service.queryPort(),
                    "/api/accounts/" + account + "/media-follows?day=" + day.minusDays(1))
                .body());
    assertThat(dayBefore.getLong("followsGained")).isZero();
    assertThat(dayBefore.getJsonArray("media")).isEmpty();
    assertThat(
            AggregatorHarness.get(
                    service.queryPort(), "/api/accounts/nobody-" + id + "/media-follows")
                .statusCode())
        .isEqualTo(404);
  }

  /**
   * Records of 10 to 20 bytes declaring a 2 GB string or array, with the real schema ids of both
   * inputs: each is dead-lettered as a corrupt body (no OutOfMemoryError), the stream thread lives
   * on and the next snapshot is counted.
   */
  @Test
  void shouldDeadLetterLengthBombsOnEveryInputAndKeepProcessing() {
    Instant monday = AggregatorHarness.nextBase();
    String account = "acc-" + id;
    TopicReader deadLetters = harness.mark(Topics.DEAD_LETTER);
    TopicReader trends = harness.mark(Topics.ACCOUNT_TRENDS);
    MediaInsightSnapshot example =
        media("x-" + id, account, List.of(), monday, monday.plusSeconds(60), Map.of());
    byte[] mediaExample = harness.framed(Topics.MEDIA_INSIGHTS, example);
    byte[] accountExample =
        harness.framed(
            Topics.ACCOUNT_INSIGHTS,
            Snapshots.account(
                account, LocalDate.ofInstant(monday, ZoneOffset.UTC), monday, 1L, 1L));
    Map<String, byte[]> bombs = new java.util.LinkedHashMap<>();
    bombs.put(
        "media-string-" + id,
        LengthBombs.stringBomb(mediaExample, MediaInsightSnapshot.getClassSchema()));
    bombs.put(
        "media-array-" + id,
        LengthBombs.arrayBomb(mediaExample, MediaInsightSnapshot.getClassSchema(), "hashtags"));
    bombs.put(
        "account-string-" + id,
        LengthBombs.stringBomb(accountExample, AccountInsightSnapshot.getClassSchema()));
    bombs.put(
        "account-array-" + id,
        LengthBombs.arrayBomb(
            accountExample, AccountInsightSnapshot.getClassSchema(), "demographics"));

    bombs.forEach(
        (key, bomb) ->
            harness.sendRaw(
                key.startsWith("media")
                    ? Topics.MEDIA_INSIGHTS.name()
                    : Topics.ACCOUNT_INSIGHTS.name(),
                key,
                bomb));
    harness.send(
        media(
            "m-" + id,
            account,
            List.of(),
            monday,
            monday.plus(Duration.ofMinutes(10)),
            Map.of("engagement", 7L)));

    List<ConsumerRecord<byte[], byte[]>> letters =
        deadLetters.readUntil(
            records ->
                bombs.keySet().stream()
                    .allMatch(
                        k ->
                            records.stream()
                                .anyMatch(
                                    r ->
                                        r.key() != null
                                            && k.equals(
                                                new String(r.key(), StandardCharsets.UTF_8)))),
            Duration.ofSeconds(60));
    for (Map.Entry<String, byte[]> bomb : bombs.entrySet()) {
      ConsumerRecord<byte[], byte[]> letter =
          letters.stream()
              .filter(
                  r ->
                      r.key() != null
                          && bomb.getKey().equals(new String(r.key(), StandardCharsets.UTF_8)))
              .findFirst()
              .orElseThrow();
      assertThat(bomb.getValue()).as(bomb.getKey()).hasSizeLessThanOrEqualTo(20);
      assertThat(letter.value()).as(bomb.getKey()).isEqualTo(bomb.getValue());
      assertThat(DeadLetters.header(letter.headers(), DeadLetters.CAUSE))
          .as(bomb.getKey())
          .contains("CORRUPT_BODY");
      assertThat(DeadLetters.header(letter.headers(), DeadLetters.SERVICE)).isEqualTo("aggregator");
    }
    String key = account + "@" + monday + "/PT1H";
    assertThat(
            harness
                .awaitLatest(trends, Topics.ACCOUNT_TRENDS, latest -> latest.containsKey(key))
                .get(key)
                .getEngagementGained())
        .isEqualTo(7L);
    assertThat(service.streams().metadataForLocalThreads()).hasSize(1);
    assertThat(service.ready()).isTrue();
  }

  @Test
  void shouldDeadLetterAPoisonRecordAndKeepProcessing() {
    Instant monday = AggregatorHarness.nextBase();
    String account = "acc-" + id;
    TopicReader deadLetters = harness.mark(Topics.DEAD_LETTER);
    TopicReader trends = harness.mark(Topics.ACCOUNT_TRENDS);
    byte[] poison = ("not avro " + id).getBytes(StandardCharsets.UTF_8);

    harness.sendRaw("poison-" + id, poison);
    harness.send(
        media(
            "m-" + id,
            account,
            List.of(),
            monday,
            monday.plus(Duration.ofMinutes(10)),
            Map.of("engagement", 7L)));

    List<ConsumerRecord<byte[], byte[]>> letters =
        deadLetters.readUntil(
            records -> records.stream().anyMatch(r -> java.util.Arrays.equals(r.value(), poison)),
            Duration.ofSeconds(60));
    ConsumerRecord<byte[], byte[]> letter =
        letters.stream()
            .filter(r -> java.util.Arrays.equals(r.value(), poison))
            .findFirst()
            .orElseThrow();
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("poison-" + id);
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.TOPIC))
        .isEqualTo(Topics.MEDIA_INSIGHTS.name());
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.CAUSE)).contains("NOT_AVRO_FRAMED");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.SERVICE)).isEqualTo("aggregator");
    String key = account + "@" + monday + "/PT1H";
    assertThat(
            harness
                .awaitLatest(trends, Topics.ACCOUNT_TRENDS, latest -> latest.containsKey(key))
                .get(key)
                .getEngagementGained())
        .isEqualTo(7L);
    assertThat(service.ready()).isTrue();
    assertThat(AggregatorHarness.get(service.managementPort(), "/health/ready").statusCode())
        .isEqualTo(200);
    assertThat(AggregatorHarness.get(service.managementPort(), "/metrics").body())
        .contains("kafka_stream");
    // The README tells operators to alert on dropped records: the poison above is one of them.
    assertThat(
            service.streams().metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("dropped-records-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum())
        .isGreaterThanOrEqualTo(1.0);
    var dashboard = AggregatorHarness.get(service.queryPort(), "/");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body())
        .contains("<title>igpulse — insights</title>")
        .contains("/dashboard.js");
    assertThat(AggregatorHarness.get(service.queryPort(), "/dashboard.js").body())
        .contains("/api/hashtags/top?");
  }
}
