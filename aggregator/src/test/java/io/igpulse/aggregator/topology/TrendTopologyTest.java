package io.igpulse.aggregator.topology;

import static io.igpulse.aggregator.topology.TopologyFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.AccountTrend;
import io.igpulse.events.HashtagTrend;
import io.igpulse.events.MediaContribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The production topology, fed snapshots, checked number by number. Windows are 1 h advancing every
 * 5 min with 6 h grace; the baseline looks back 3 windows with decay 0.5; top 2 hashtags and top 2
 * media. Deltas are spread over the 5-minute buckets between their two captures, each bucket's part
 * being round(D x time up to its end / interval) minus the same for the bucket before (halves up).
 */
class TrendTopologyTest {

  private static final String POSTED = "2026-11-23T10:00:00Z";
  private final TopologyFixture topology = new TopologyFixture();

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void shouldSpreadTheDeltasOfSuccessiveSnapshotsOverTheTimeBetweenThem() {
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of("bread"),
            POSTED,
            "2026-11-23T10:10:00Z",
            Map.of("engagement", 10L, "reach", 100L)));
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of("bread"),
            POSTED,
            "2026-11-23T10:20:00Z",
            Map.of("engagement", 25L, "reach", 180L)));
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of("bread"),
            POSTED,
            "2026-11-23T10:40:00Z",
            Map.of("engagement", 30L, "reach", 200L)));

    AccountTrend trend = topology.account("acc", "2026-11-23T10:00:00Z");
    assertThat(trend.getEngagementGained())
        .isEqualTo(30L); // 10 from zero (posted 10 min before) + 15 + 5
    assertThat(trend.getReachGained()).isEqualTo(200L);
    assertThat(trend.getContributingMedia()).isEqualTo(1);
    assertThat(trend.getVelocityPerHour()).isEqualTo(30.0);
    // The window starting 10:15 holds the 10:15-10:20 half of the 15 gained from 10:10 to 10:20
    // (buckets 10:10 and 10:15 get round(7.5) = 8 and 15 - 8 = 7) and the 5 gained from 10:20 to
    // 10:40: 7 + 5 = 12. Counting whole deltas at their capture gave 20.
    assertThat(topology.account("acc", "2026-11-23T10:15:00Z").getEngagementGained())
        .isEqualTo(12L);
    assertThat(topology.hashtag("bread", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(30L);
  }

  @Test
  void shouldCountADuplicatedSnapshotOnce() {
    var first =
        snapshot("m1", "acc", List.of(), POSTED, "2026-11-23T10:10:00Z", Map.of("engagement", 10L));
    var second =
        snapshot("m1", "acc", List.of(), POSTED, "2026-11-23T10:30:00Z", Map.of("engagement", 40L));
    topology.pipe(first);
    topology.pipe(second);
    topology.drain();

    topology.pipe(second);
    topology.pipe(first);

    assertThat(topology.drain()).isZero();
    assertThat(topology.account("acc", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(40L);
  }

  @Test
  void shouldIgnoreAnOlderSnapshotArrivingAfterANewerOne() {
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T10:10:00Z", Map.of("engagement", 10L)));
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T10:50:00Z", Map.of("engagement", 70L)));
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T10:30:00Z", Map.of("engagement", 50L)));

    assertThat(topology.account("acc", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(70L);
    // The 60 gained from 10:10 to 10:50 spread over 8 buckets (8, 7, 8, 7, ...): the window
    // starting 10:30 holds its last four, 8 + 7 + 8 + 7 = 30.
    assertThat(topology.account("acc", "2026-11-23T10:30:00Z").getEngagementGained())
        .isEqualTo(30L);
  }

  @Test
  void shouldGiveANegativeDeltaWhenAMetricGoesDown() {
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T10:10:00Z", Map.of("engagement", 50L)));
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T11:10:00Z", Map.of("engagement", 42L)));

    // The -8 between 10:10 and 11:10 is spread over that hour, which is a window of its own.
    assertThat(topology.account("acc", "2026-11-23T10:10:00Z").getEngagementGained())
        .isEqualTo(-8L);
    assertThat(topology.account("acc", "2026-11-23T10:10:00Z").getVelocityPerHour())
        .isEqualTo(-8.0);
    // 11:00-12:00 holds its last 10 minutes: -8 - round(-8 x 50 / 60) = -8 - (-7) = -1.
    assertThat(topology.account("acc", "2026-11-23T11:00:00Z").getEngagementGained())
        .isEqualTo(-1L);
  }

  @Test
  void shouldNotTreatAMissingMetricAsADropToZero() {
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of(),
            POSTED,
            "2026-11-23T10:10:00Z",
            Map.of("engagement", 10L, "reach", 100L)));
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T10:20:00Z", Map.of("engagement", 15L)));
    topology.pipe(
        snapshot(
            "m1",
            "acc",
            List.of(),
            POSTED,
            "2026-11-23T10:30:00Z",
            Map.of("engagement", 20L, "reach", 160L)));

    AccountTrend trend = topology.account("acc", "2026-11-23T10:00:00Z");
    assertThat(trend.getReachGained())
        .isEqualTo(160L); // 100 from zero, nothing at 10:20, +60 by 10:30
    assertThat(trend.getEngagementGained()).isEqualTo(20L);
  }

  @Test
  void shouldOnlySetTheStartingPointForMediaFirstSeenLongAfterPosting() {
    String postedYesterday = "2026-11-22T09:00:00Z";
    topology.pipe(
        snapshot(
            "old",
            "acc",
            List.of(),
            postedYesterday,
            "2026-11-23T10:10:00Z",
            Map.of("engagement", 5_000L)));
    topology.pipe(
        snapshot(
            "old",
            "acc",
            List.of(),
            postedYesterday,
            "2026-11-23T10:40:00Z",
            Map.of("engagement", 5_012L)));

    assertThat(topology.account("acc", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(12L);
  }

  @Test
  void shouldEndTheSpreadOfACaptureOnABucketBoundaryAtThatBoundary() {
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T10:10:00Z", Map.of("engagement", 10L)));
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T11:00:00Z", Map.of("engagement", 17L)));

    // The 7 gained from 10:10 to 11:00 all happened before 11:00: spread over the ten buckets
    // 10:10-10:55 (cumulative 0.7, 1.4, 2.1, ... rounded: 1, 0, 1, 1, 1, 0, 1, 1, 0, 1), none in
    // 11:00-11:05, so the window starting 11:00 has nothing.
    assertThat(topology.account("acc", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(17L);
    assertThat(topology.account("acc", "2026-11-23T11:00:00Z")).isNull();
    // 10:05-11:05: the second half of the first 10 (5, from 10:05 to 10:10) and all of the 7.
    assertThat(topology.account("acc", "2026-11-23T10:05:00Z").getEngagementGained())
        .isEqualTo(12L);
    // 10:55-11:55: only the last bucket's part of the 7.
    assertThat(topology.account("acc", "2026-11-23T10:55:00Z").getEngagementGained()).isEqualTo(1L);
  }

  @Test
  void shouldCountEachPartOfALateDeltaWithinGraceAndDropThePartsBeyond() {
    // Stream time 16:59:59.999 (a part stamped at the end of bucket 16:55): with 6 h of grace the
    // buckets ending after 10:59:59.999 still take parts, 10:55-11:00 being the oldest.
    topology.pipe(
        snapshot(
            "clock",
            "other",
            List.of(),
            "2026-11-23T16:55:00Z",
            "2026-11-23T17:00:00Z",
            Map.of("engagement", 1L)));
    // 80 gained from 10:30 to 11:10, 10 per bucket: 10:30-10:50 are closed (50 dropped), 10:55,
    // 11:00 and 11:05 are open (30 counted).
    topology.pipe(
        snapshot(
            "partly",
            "partly",
            List.of(),
            "2026-11-23T10:30:00Z",
            "2026-11-23T11:10:00Z",
            Map.of("engagement", 80L)));
    // 40 gained from 11:00 to 11:20, 10 per bucket, all open: late by 5 h 40 min, all counted.
    topology.pipe(
        snapshot(
            "within",
            "within",
            List.of(),
            "2026-11-23T11:00:00Z",
            "2026-11-23T11:20:00Z",
            Map.of("engagement", 40L)));
    // 8 gained from 10:00 to 10:20: every bucket closed, nothing counted.
    topology.pipe(
        snapshot(
            "beyond",
            "beyond",
            List.of(),
            "2026-11-23T10:00:00Z",
            "2026-11-23T10:20:00Z",
            Map.of("engagement", 8L)));

    assertThat(topology.account("partly", "2026-11-23T10:30:00Z").getEngagementGained())
        .isEqualTo(30L);
    assertThat(topology.account("partly", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(10L);
    assertThat(topology.account("within", "2026-11-23T11:00:00Z").getEngagementGained())
        .isEqualTo(40L);
    assertThat(topology.latestAccountTrends.keySet()).noneMatch(k -> k.startsWith("beyond@"));
  }

  @Test
  void shouldListTheTopMediaOfAnAccountWindow() {
    topology.pipe(
        snapshot("a", "acc", List.of(), POSTED, "2026-11-23T10:10:00Z", Map.of("engagement", 5L)));
    topology.pipe(
        snapshot("b", "acc", List.of(), POSTED, "2026-11-23T10:11:00Z", Map.of("engagement", 50L)));
    topology.pipe(
        snapshot("c", "acc", List.of(), POSTED, "2026-11-23T10:12:00Z", Map.of("engagement", 20L)));

    AccountTrend trend = topology.account("acc", "2026-11-23T10:00:00Z");
    assertThat(trend.getContributingMedia()).isEqualTo(3);
    assertThat(trend.getTopMedia())
        .containsExactly(new MediaContribution("b", 50L), new MediaContribution("c", 20L));
  }

  @Test
  void shouldCountDistinctMediaAndAccountsPerHashtag() {
    topology.pipe(
        snapshot(
            "a",
            "acc1",
            List.of("bread", "Cake"),
            POSTED,
            "2026-11-23T10:10:00Z",
            Map.of("engagement", 5L)));
    topology.pipe(
        snapshot(
            "a",
            "acc1",
            List.of("bread", "Cake"),
            POSTED,
            "2026-11-23T10:20:00Z",
            Map.of("engagement", 8L)));
    topology.pipe(
        snapshot(
            "b",
            "acc1",
            List.of("bread"),
            POSTED,
            "2026-11-23T10:30:00Z",
            Map.of("engagement", 2L)));
    topology.pipe(
        snapshot(
            "c",
            "acc2",
            List.of("bread"),
            POSTED,
            "2026-11-23T10:40:00Z",
            Map.of("engagement", 1L)));

    HashtagTrend bread = topology.hashtag("bread", "2026-11-23T10:00:00Z");
    assertThat(bread.getEngagementGained()).isEqualTo(11L);
    assertThat(bread.getDistinctMedia()).isEqualTo(3);
    assertThat(bread.getDistinctAccounts()).isEqualTo(2);
    assertThat(topology.hashtag("cake", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(8L);
  }

  /**
   * The worked example of the README: 30, 60, 120 per hour, then 360. Captures on the hour, so each
   * hour's delta is spread within its own hourly window.
   */
  @Test
  void shouldScoreTheWindowAgainstTheEwmaOfThePreviousWindows() {
    String posted = "2026-11-23T07:00:00Z";
    topology.pipe(
        snapshot(
            "b1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T08:00:00Z",
            Map.of("engagement", 30L)));
    topology.pipe(
        snapshot(
            "b1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T09:00:00Z",
            Map.of("engagement", 90L)));
    topology.pipe(
        snapshot(
            "b1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T10:00:00Z",
            Map.of("engagement", 210L)));
    topology.pipe(
        snapshot(
            "b1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T11:00:00Z",
            Map.of("engagement", 570L)));

    HashtagTrend first = topology.hashtag("bread", "2026-11-23T07:00:00Z");
    HashtagTrend second = topology.hashtag("bread", "2026-11-23T08:00:00Z");
    HashtagTrend now = topology.hashtag("bread", "2026-11-23T10:00:00Z");
    assertThat(first.getBaselineVelocityPerHour()).isNull();
    assertThat(first.getTrendScore()).isNull();
    assertThat(second.getBaselineVelocityPerHour()).isEqualTo(30.0);
    assertThat(second.getTrendScore()).isEqualTo(1.0);
    assertThat(now.getVelocityPerHour()).isEqualTo(360.0);
    // (1 x 120 + 0.5 x 60 + 0.25 x 30) / 1.75 = 90; (360 - 90) / 90 = 3
    assertThat(now.getBaselineVelocityPerHour()).isEqualTo(90.0);
    assertThat(now.getTrendScore()).isEqualTo(3.0);
    assertThat(topology.account("acc", "2026-11-23T10:00:00Z").getTrendScore()).isEqualTo(3.0);
  }

  @Test
  void shouldCountAQuietWindowAsZeroInTheBaseline() {
    String posted = "2026-11-23T07:00:00Z";
    long[] lifetime = {40, 40, 50};
    for (int i = 0; i < lifetime.length; i++) {
      topology.pipe(
          snapshot(
              "b1",
              "acc",
              List.of("bread"),
              posted,
              String.format("2026-11-23T%02d:00:00Z", 8 + i),
              Map.of("engagement", lifetime[i])));
    }

    // Nothing gained from 08:00 to 09:00: no part, no 08:00 window. Back 1: 08:00, quiet = 0; back
    // 2: 07:00 = 40 -> (0 + 0.5 x 40) / 1.5
    HashtagTrend now = topology.hashtag("bread", "2026-11-23T09:00:00Z");
    assertThat(topology.hashtag("bread", "2026-11-23T08:00:00Z")).isNull();
    assertThat(now.getEngagementGained()).isEqualTo(10L);
    assertThat(now.getBaselineVelocityPerHour())
        .isCloseTo(13.333, org.assertj.core.data.Offset.offset(0.001));
    assertThat(now.getTrendScore()).isCloseTo(-0.25, org.assertj.core.data.Offset.offset(0.0001));
  }

  @Test
  void shouldRankHashtagsPerWindowAndRepublishThoseWhoseRankMoved() {
    topology.pipe(
        snapshot(
            "a",
            "acc",
            List.of("bread"),
            POSTED,
            "2026-11-23T10:10:00Z",
            Map.of("engagement", 100L)));
    topology.pipe(
        snapshot(
            "b",
            "acc",
            List.of("cake"),
            POSTED,
            "2026-11-23T10:11:00Z",
            Map.of("engagement", 60L)));
    topology.pipe(
        snapshot(
            "c", "acc", List.of("pie"), POSTED, "2026-11-23T10:12:00Z", Map.of("engagement", 50L)));
    assertThat(topology.hashtag("bread", "2026-11-23T10:00:00Z").getRank()).isEqualTo(1);
    assertThat(topology.hashtag("cake", "2026-11-23T10:00:00Z").getRank()).isEqualTo(2);
    assertThat(topology.hashtag("pie", "2026-11-23T10:00:00Z").getRank()).isNull();
    topology.hashtagUpdates.clear();

    topology.pipe(
        snapshot(
            "c",
            "acc",
            List.of("pie"),
            POSTED,
            "2026-11-23T10:13:00Z",
            Map.of("engagement", 450L)));
    topology.drain();

    String window = "@2026-11-23T10:00:00Z/PT1H";
    assertThat(
            topology.hashtagUpdates.stream()
                .filter(kv -> kv.key.endsWith(window))
                .map(kv -> kv.key + "=" + kv.value.getRank()))
        .containsExactlyInAnyOrder(
            "pie" + window + "=1", "bread" + window + "=2", "cake" + window + "=null");
  }
}
