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
 * 5 min with 10 min grace; the baseline looks back 3 windows with decay 0.5; top 2 hashtags and top
 * 2 media.
 */
class TrendTopologyTest {

  private static final String POSTED = "2026-11-23T10:00:00Z";
  private final TopologyFixture topology = new TopologyFixture();

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void shouldSumTheDeltasOfSuccessiveSnapshotsIntoTheWindowOfTheirCaptureTime() {
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
    // The window starting 10:15 sees only the deltas captured at 10:20 and 10:40.
    assertThat(topology.account("acc", "2026-11-23T10:15:00Z").getEngagementGained())
        .isEqualTo(20L);
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
    assertThat(topology.account("acc", "2026-11-23T10:30:00Z").getEngagementGained())
        .isEqualTo(60L);
  }

  @Test
  void shouldGiveANegativeDeltaWhenAMetricGoesDown() {
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T10:10:00Z", Map.of("engagement", 50L)));
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T11:10:00Z", Map.of("engagement", 42L)));

    assertThat(topology.account("acc", "2026-11-23T11:00:00Z").getEngagementGained())
        .isEqualTo(-8L);
    assertThat(topology.account("acc", "2026-11-23T11:00:00Z").getVelocityPerHour())
        .isEqualTo(-8.0);
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
        .isEqualTo(160L); // 100 from zero, nothing at 10:20, +60 at 10:30
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
  void shouldPutASnapshotAtAWindowsEndIntoTheNextWindow() {
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T10:10:00Z", Map.of("engagement", 10L)));
    topology.pipe(
        snapshot(
            "m1", "acc", List.of(), POSTED, "2026-11-23T11:00:00Z", Map.of("engagement", 17L)));

    assertThat(topology.account("acc", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(10L);
    assertThat(topology.account("acc", "2026-11-23T11:00:00Z").getEngagementGained()).isEqualTo(7L);
    assertThat(topology.account("acc", "2026-11-23T10:05:00Z").getEngagementGained())
        .isEqualTo(17L);
  }

  @Test
  void shouldAcceptLateSnapshotsWithinGraceAndDropThemAfter() {
    topology.pipe(
        snapshot(
            "clock", "other", List.of(), POSTED, "2026-11-23T11:05:00Z", Map.of("engagement", 1L)));
    topology.pipe(
        snapshot(
            "late", "acc", List.of(), POSTED, "2026-11-23T10:58:00Z", Map.of("engagement", 9L)));
    topology.pipe(
        snapshot(
            "clock", "other", List.of(), POSTED, "2026-11-23T11:20:00Z", Map.of("engagement", 2L)));
    topology.pipe(
        snapshot(
            "later", "acc", List.of(), POSTED, "2026-11-23T10:59:00Z", Map.of("engagement", 4L)));

    // Both land in the 10:55-11:00 bucket, which takes late snapshots until 11:10 (its end +
    // grace): the 10:58
    // one (stream time 11:05) counts in every window containing it, the 10:59 one (stream time
    // 11:20) in none.
    assertThat(topology.account("acc", "2026-11-23T10:00:00Z").getEngagementGained()).isEqualTo(9L);
    assertThat(topology.account("acc", "2026-11-23T10:15:00Z").getEngagementGained()).isEqualTo(9L);
    assertThat(topology.account("acc", "2026-11-23T10:55:00Z").getEngagementGained()).isEqualTo(9L);
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

  /** The worked example of the README: 30, 60, 120 per hour, then 360. */
  @Test
  void shouldScoreTheWindowAgainstTheEwmaOfThePreviousWindows() {
    String posted = "2026-11-23T06:55:00Z";
    topology.pipe(
        snapshot(
            "b1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T07:30:00Z",
            Map.of("engagement", 30L)));
    topology.pipe(
        snapshot(
            "b1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T08:30:00Z",
            Map.of("engagement", 90L)));
    topology.pipe(
        snapshot(
            "b1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T09:30:00Z",
            Map.of("engagement", 210L)));
    topology.pipe(
        snapshot(
            "b1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T10:30:00Z",
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
    String posted = "2026-11-23T06:55:00Z";
    topology.pipe(
        snapshot(
            "b1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T07:30:00Z",
            Map.of("engagement", 40L)));
    topology.pipe(
        snapshot(
            "b1",
            "acc",
            List.of("bread"),
            posted,
            "2026-11-23T09:30:00Z",
            Map.of("engagement", 50L)));

    // Back 1: 08:00 window, quiet = 0; back 2: 07:00 window = 40 -> (0 + 0.5 x 40) / 1.5
    HashtagTrend now = topology.hashtag("bread", "2026-11-23T09:00:00Z");
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
