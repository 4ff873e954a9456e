package io.igpulse.aggregator.topology;

import static io.igpulse.aggregator.topology.TopologyFixture.accountSnapshot;
import static io.igpulse.aggregator.topology.TopologyFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.topology.account.DayFollows;
import io.igpulse.events.FollowerGrowth;
import io.igpulse.events.HourOfWeekEngagement;
import io.igpulse.events.MediaFollows;
import io.igpulse.events.MediaFollowsDay;
import io.igpulse.events.PostingHours;
import io.igpulse.schemas.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Follower growth, posting hours, the media that grew followers and poison records, through the
 * production topology.
 */
class AccountViewsTest {

  private final TopologyFixture topology = new TopologyFixture();

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void shouldComputeDailyNetFollowerChangeAndRevisitTheNextDayWhenADayIsCorrected() {
    topology.pipe(accountSnapshot("acc", "2026-11-21", "2026-11-22T01:00:00Z", 1_000L, 12L));
    topology.pipe(accountSnapshot("acc", "2026-11-22", "2026-11-23T01:00:00Z", 1_010L, 15L));
    Map<String, FollowerGrowth> first = topology.followerGrowth();
    assertThat(first.get("acc@2026-11-21").getNetChange()).isNull();
    assertThat(first.get("acc@2026-11-22").getNetChange()).isEqualTo(10L);
    assertThat(first.get("acc@2026-11-22").getNewFollowers()).isEqualTo(15L);

    topology.pipe(accountSnapshot("acc", "2026-11-21", "2026-11-22T06:00:00Z", 990L, null));

    Map<String, FollowerGrowth> corrected = topology.followerGrowth();
    assertThat(corrected.get("acc@2026-11-21").getFollowersCount()).isEqualTo(990L);
    assertThat(corrected.get("acc@2026-11-21").getNewFollowers()).isEqualTo(12L);
    assertThat(corrected.get("acc@2026-11-22").getNetChange()).isEqualTo(20L);
  }

  /**
   * m1 gains 4 follows in its first hour (counted whole: young), then 6 from 23:00 to 01:00, half
   * on each day; m2 gains 5 in its first half hour. Each day is published when it changes.
   */
  @Test
  void shouldRankTheMediaThatGrewFollowersPerDaySpreadingAcrossMidnight() {
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of(),
            "2026-11-22T22:00:00Z",
            "2026-11-22T23:00:00Z",
            Map.of("engagement", 40L, "follows", 4L)));
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of(),
            "2026-11-22T22:00:00Z",
            "2026-11-23T01:00:00Z",
            Map.of("engagement", 90L, "follows", 10L)));
    topology.pipe(
        snapshot(
            "m2",
            "acc",
            List.of(),
            "2026-11-23T00:00:00Z",
            "2026-11-23T00:30:00Z",
            Map.of("engagement", 20L, "follows", 5L)));
    topology.pipe(
        snapshot(
            "m3",
            "acc",
            List.of(),
            "2026-11-23T00:00:00Z",
            "2026-11-23T00:40:00Z",
            Map.of("engagement", 70L)));

    List<KeyValue<String, MediaFollowsDay>> published = topology.mediaFollows();

    // One record per day changed since the last flush, however many deltas changed it.
    assertThat(published)
        .extracting(kv -> kv.key)
        .containsExactly("acc@2026-11-22", "acc@2026-11-23");
    MediaFollowsDay first = published.get(0).value;
    assertThat(first.getFollowsGained()).isEqualTo(7L);
    assertThat(first.getMediaCount()).isEqualTo(1);
    assertThat(first.getTopMedia()).containsExactly(new MediaFollows("m1", 7L));
    assertThat(first.getUpdatedAt()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
    MediaFollowsDay second = published.get(1).value;
    assertThat(second.getDay()).isEqualTo(LocalDate.parse("2026-11-23"));
    assertThat(second.getFollowsGained()).isEqualTo(8L);
    assertThat(second.getMediaCount()).isEqualTo(2);
    assertThat(second.getTopMedia())
        .containsExactly(new MediaFollows("m2", 5L), new MediaFollows("m1", 3L));

    // A later change republishes its day only; nothing changed, nothing published.
    topology.pipe(
        snapshot(
            "m2",
            "acc",
            List.of(),
            "2026-11-23T00:00:00Z",
            "2026-11-23T02:30:00Z",
            Map.of("engagement", 25L, "follows", 9L)));
    List<KeyValue<String, MediaFollowsDay>> later = topology.mediaFollows();
    assertThat(later).extracting(kv -> kv.key).containsExactly("acc@2026-11-23");
    assertThat(later.get(0).value.getTopMedia())
        .containsExactly(new MediaFollows("m2", 9L), new MediaFollows("m1", 3L));
    assertThat(topology.mediaFollows()).isEmpty();
  }

  /** A new day keeps the account's last 35 days: older ones are dropped from the store. */
  @Test
  void shouldKeepTheLast35DaysOfEachAccount() {
    for (int day = 0; day < 40; day++) {
      Instant posted = Instant.parse("2026-10-01T09:00:00Z").plus(Duration.ofDays(day));
      topology.pipe(
          snapshot(
              "d" + day,
              "acc",
              List.of(),
              posted.toString(),
              posted.plusSeconds(600).toString(),
              Map.of("follows", 1L)));
    }
    topology.mediaFollows();

    KeyValueStore<String, DayFollows> store =
        topology.driver.getKeyValueStore(StoreNames.MEDIA_FOLLOWS);
    List<String> kept = new ArrayList<>();
    try (var all = store.all()) {
      all.forEachRemaining(kv -> kept.add(kv.key));
    }
    assertThat(kept).hasSize(35).first().isEqualTo("acc@2026-10-06");
    assertThat(kept).last().isEqualTo("acc@2026-11-09");
  }

  /** Only the top two (the fixture's top-media count) are listed; the total counts every media. */
  @Test
  void shouldListTheTopMediaOnlyAndNetUnfollows() {
    String posted = "2026-11-23T09:00:00Z";
    long[] follows = {3, 8, 1};
    for (int i = 0; i < follows.length; i++) {
      topology.pipe(
          snapshot(
              "m" + i,
              "acc",
              List.of(),
              posted,
              "2026-11-23T09:30:00Z",
              Map.of("follows", follows[i])));
    }
    topology.pipe(
        snapshot("m1", "acc", List.of(), posted, "2026-11-23T12:00:00Z", Map.of("follows", 6L)));

    List<KeyValue<String, MediaFollowsDay>> published = topology.mediaFollows();
    MediaFollowsDay day = published.get(published.size() - 1).value;

    assertThat(day.getFollowsGained()).isEqualTo(3L + 6L + 1L);
    assertThat(day.getMediaCount()).isEqualTo(3);
    assertThat(day.getTopMedia())
        .containsExactly(new MediaFollows("m1", 6L), new MediaFollows("m0", 3L));
  }

  @Test
  void shouldAttributeFirstDayEngagementToTheHourOfWeekOfPosting() {
    // 2026-11-23 is a Monday: 10:30 UTC is hour 10 of the week; Tuesday 08:00 is hour 32.
    String mondayMorning = "2026-11-23T10:30:00Z";
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of(),
            mondayMorning,
            "2026-11-23T11:00:00Z",
            Map.of("engagement", 40L)));
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of(),
            mondayMorning,
            "2026-11-24T09:00:00Z",
            Map.of("engagement", 100L)));
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of(),
            mondayMorning,
            "2026-11-25T09:00:00Z",
            Map.of("engagement", 500L)));
    String tuesday = "2026-11-24T08:00:00Z";
    topology.pipe(
        snapshot(
            "m2", "acc", List.of(), tuesday, "2026-11-24T08:30:00Z", Map.of("engagement", 30L)));
    topology.pipe(
        snapshot(
            "m3", "acc", List.of(), tuesday, "2026-11-24T08:40:00Z", Map.of("engagement", 40L)));

    List<PostingHours> updates = topology.postingHours();
    PostingHours latest = updates.get(updates.size() - 1);
    // m1: 40 + 60 by Tuesday 09:00, then 400 from Tuesday 09:00 to Wednesday 09:00, of which the
    // 1.5 h before its first day ends (Tuesday 10:30) count: 400 x 1.5 / 24 = 25. 125 in all.
    assertThat(latest.getHours())
        .containsExactly(
            new HourOfWeekEngagement(10, 1, 125L), new HourOfWeekEngagement(32, 2, 70L));
    assertThat(latest.getBestHours()).containsExactly(10, 32); // 125 per media beats 35 per media
    assertThat(latest.getUpdatedAt())
        .isEqualTo(Instant.parse("2026-11-25T09:00:00Z")); // latest capture counted
  }

  /**
   * The end-to-end run found hours with media 0 and engagement 83,318: a tagged media found by two
   * followed accounts came with either one as its owner, so its one count as a media went to the
   * first and its later deltas to the second. A media's insights now go to one owner, the first
   * named (before: accB had hour 10 with media 0 and engagement 200).
   */
  @Test
  void shouldNeverCountEngagementInAnHourWithoutItsMedia() {
    String posted = "2026-11-23T10:00:00Z";
    topology.pipe(
        snapshot(
            "m1", "accA", List.of(), posted, "2026-11-23T10:20:00Z", Map.of("engagement", 100L)));
    topology.pipe(
        snapshot(
            "m1", "accB", List.of(), posted, "2026-11-23T11:00:00Z", Map.of("engagement", 300L)));
    topology.pipe(
        snapshot(
            "m1", "accA", List.of(), posted, "2026-11-23T12:00:00Z", Map.of("engagement", 350L)));

    List<PostingHours> updates = topology.postingHours();
    assertThat(updates)
        .allSatisfy(
            hours ->
                assertThat(hours.getHours())
                    .as(hours.getIgUserId())
                    .allMatch(h -> h.getMedia() > 0));
    assertThat(updates).extracting(PostingHours::getIgUserId).containsOnly("accA");
    assertThat(updates.get(updates.size() - 1).getHours())
        .containsExactly(new HourOfWeekEngagement(10, 1, 350L));
    assertThat(topology.account("accB", "2026-11-23T10:00:00Z")).isNull();
  }

  @Test
  void shouldDeadLetterAPoisonRecordWithItsBytesAndKeepProcessing() {
    byte[] poison = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
    topology.pipeRaw("m-poison", poison, Instant.parse("2026-11-23T10:05:00Z"));
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of(),
            "2026-11-23T10:00:00Z",
            "2026-11-23T10:10:00Z",
            Map.of("engagement", 7L)));

    List<TestRecord<byte[], byte[]>> dead = topology.deadLetters();
    assertThat(dead).hasSize(1);
    TestRecord<byte[], byte[]> letter = dead.get(0);
    assertThat(letter.value()).isEqualTo(poison);
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("m-poison");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.TOPIC))
        .isEqualTo("instagram.media.insights");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.OFFSET)).isEqualTo("0");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.SERVICE)).isEqualTo("aggregator");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.REASON))
        .isEqualTo("undecodable record");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.CAUSE)).contains("NOT_AVRO_FRAMED");
    assertThat(topology.account("acc", "2026-11-23T10:00:00Z").getEngagementGained()).isEqualTo(7L);
  }
}
