package io.igpulse.aggregator.topology;

import static io.igpulse.aggregator.topology.TopologyFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.Snapshots;
import io.igpulse.events.EarnedMediaTrend;
import io.igpulse.events.HashtagTrend;
import io.igpulse.events.MediaContribution;
import io.igpulse.events.MediaInsightSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where each kind of snapshot counts, through the production topology: insights for their owner,
 * public counters for hashtags and the earned media of the accounts they tag or mention, never for
 * an account's own trends or posting hours.
 */
class SnapshotKindsTest {

  private static final String POSTED = "2026-11-23T10:00:00Z";
  private final TopologyFixture topology = new TopologyFixture();

  @AfterEach
  void close() {
    topology.close();
  }

  private static MediaInsightSnapshot counters(
      String media,
      String username,
      List<String> earnedBy,
      String capturedAt,
      Long likes,
      long comments) {
    return Snapshots.publicMedia(
        media,
        username,
        List.of("bread"),
        earnedBy,
        Instant.parse(POSTED),
        Instant.parse(capturedAt),
        likes,
        comments);
  }

  @Test
  void shouldCountPublicCountersAsEarnedMediaAndHashtagsButNeverAsAnAccountsOwn() {
    topology.pipe(counters("t1", "baker", List.of("accA", "accB"), "2026-11-23T10:10:00Z", 10L, 2));
    topology.pipe(counters("t1", "baker", List.of("accA", "accB"), "2026-11-23T10:30:00Z", 25L, 5));
    topology.pipe(counters("t2", "miller", List.of("accA"), "2026-11-23T10:20:00Z", null, 4));

    EarnedMediaTrend earnedA = topology.earned("accA", "2026-11-23T10:00:00Z");
    // t1: 25 likes + 5 comments gained since posting; t2 hides its likes: 4 comments.
    assertThat(earnedA.getEngagementGained()).isEqualTo(34L);
    assertThat(earnedA.getLikesGained()).isEqualTo(25L);
    assertThat(earnedA.getCommentsGained()).isEqualTo(9L);
    assertThat(earnedA.getContributingMedia()).isEqualTo(2);
    assertThat(earnedA.getTopMedia())
        .containsExactly(new MediaContribution("t1", 30L), new MediaContribution("t2", 4L));
    EarnedMediaTrend earnedB = topology.earned("accB", "2026-11-23T10:00:00Z");
    assertThat(earnedB.getEngagementGained()).isEqualTo(30L);
    assertThat(earnedB.getContributingMedia()).isEqualTo(1);
    assertThat(earnedB.getUpdatedAt()).isEqualTo(Instant.parse("2026-11-23T10:30:00Z"));

    assertThat(topology.latestAccountTrends).isEmpty();
    assertThat(topology.postingHours()).isEmpty();
    HashtagTrend bread = topology.hashtag("bread", "2026-11-23T10:00:00Z");
    assertThat(bread.getEngagementGained()).isEqualTo(34L);
    assertThat(bread.getDistinctMedia()).isEqualTo(2);
  }

  @Test
  void shouldCountHashtagAccountsByOwnerIdElseUsernameAndNotAtAllWhenUnknown() {
    topology.pipe(
        snapshot(
            "own",
            "accA",
            List.of("bread"),
            POSTED,
            "2026-11-23T10:10:00Z",
            Map.of("engagement", 5L)));
    topology.pipe(counters("p1", "baker", List.of(), "2026-11-23T10:10:00Z", 1L, 0));
    topology.pipe(counters("p2", "baker", List.of(), "2026-11-23T10:10:00Z", 1L, 0));
    topology.pipe(counters("p3", null, List.of(), "2026-11-23T10:10:00Z", 1L, 0));

    HashtagTrend bread = topology.hashtag("bread", "2026-11-23T10:00:00Z");
    assertThat(bread.getDistinctMedia()).isEqualTo(4);
    // accA and @baker; the owner of p3 is unknown and not counted.
    assertThat(bread.getDistinctAccounts()).isEqualTo(2);
    assertThat(bread.getEngagementGained()).isEqualTo(8L);
  }

  @Test
  void shouldCountAMediaReadBothWaysOnceForItsHashtagAndItsPublicSideAsEarned() {
    // accA's own media, tagging accB: insights for accA, public counters for accB's earned media.
    topology.pipe(
        snapshot(
            "m1",
            "accA",
            List.of("bread"),
            POSTED,
            "2026-11-23T10:10:00Z",
            Map.of("engagement", 20L)));
    topology.pipe(counters("m1", null, List.of("accB"), "2026-11-23T10:15:00Z", 12L, 3));
    topology.pipe(
        snapshot(
            "m1",
            "accA",
            List.of("bread"),
            POSTED,
            "2026-11-23T10:30:00Z",
            Map.of("engagement", 50L)));
    topology.pipe(counters("m1", null, List.of("accB"), "2026-11-23T10:40:00Z", 30L, 6));

    assertThat(topology.account("accA", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(50L);
    assertThat(topology.hashtag("bread", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(50L);
    assertThat(topology.earned("accB", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(36L);
    assertThat(topology.account("accB", "2026-11-23T10:00:00Z")).isNull();
  }

  @Test
  void shouldNeverCountAnInsightSnapshotWithoutOwnerForAnAccount() {
    topology.pipe(
        snapshot(
            "m1",
            null,
            List.of("bread"),
            POSTED,
            "2026-11-23T10:10:00Z",
            Map.of("engagement", 20L)));

    assertThat(topology.hashtag("bread", "2026-11-23T10:00:00Z").getEngagementGained())
        .isEqualTo(20L);
    assertThat(topology.latestAccountTrends).isEmpty();
    assertThat(topology.postingHours()).isEmpty();
  }
}
