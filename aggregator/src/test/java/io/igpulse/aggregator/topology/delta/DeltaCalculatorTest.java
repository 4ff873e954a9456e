package io.igpulse.aggregator.topology.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.Snapshots;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.SnapshotKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deltas by kind: separate series, public engagement, one owner, hashtags counted once. */
class DeltaCalculatorTest {

  private static final Instant POSTED = Instant.parse("2026-11-23T10:00:00Z");
  private final DeltaCalculator calculator = new DeltaCalculator(Duration.ofHours(1));
  private DeltaState state;

  private static Instant minutes(int after) {
    return POSTED.plus(Duration.ofMinutes(after));
  }

  /** Applies the snapshots in order, keeping the state; returns the deltas. */
  private List<MediaDelta> apply(MediaInsightSnapshot... snapshots) {
    List<MediaDelta> deltas = new ArrayList<>();
    for (MediaInsightSnapshot snapshot : snapshots) {
      Optional<DeltaCalculator.Outcome> outcome = calculator.apply(state, snapshot);
      outcome.ifPresent(
          o -> {
            state = o.state();
            deltas.addAll(o.deltas());
          });
    }
    return deltas;
  }

  private static MediaInsightSnapshot insights(String owner, int minute, long engagement) {
    return Snapshots.media(
        "m1", owner, List.of("Bread"), POSTED, minutes(minute), Map.of("engagement", engagement));
  }

  private static MediaInsightSnapshot counters(int minute, Long likes, long comments) {
    return Snapshots.publicMedia(
        "m1", "baker", List.of("Bread"), List.of("acc"), POSTED, minutes(minute), likes, comments);
  }

  @Test
  void shouldTakePublicEngagementFromLikesAndCommentsEachKnownInBothReadings() {
    List<MediaDelta> deltas =
        apply(counters(10, 10L, 2), counters(20, null, 4), counters(30, 30L, 5));

    // From zero: 10 + 2. Likes hidden at 10:20: only the 2 comments count (the engagement field
    // went from 12 to 4). At 10:30 likes are back: 30 - 10 and 5 - 4.
    assertThat(deltas).extracting(MediaDelta::engagement).containsExactly(12L, 2L, 21L);
    assertThat(deltas).extracting(MediaDelta::likes).containsExactly(10L, 0L, 20L);
    assertThat(deltas).allMatch(d -> d.kind() == SnapshotKind.PUBLIC_COUNTERS);
    assertThat(deltas).allMatch(d -> d.ownerId() == null && d.earnedBy().equals(List.of("acc")));
    assertThat(deltas)
        .extracting(MediaDelta::from)
        .containsExactly(
            POSTED.toEpochMilli(), minutes(10).toEpochMilli(), minutes(20).toEpochMilli());
    assertThat(deltas).noneMatch(MediaDelta::firstCountForPostingHour);
  }

  @Test
  void shouldKeepEachKindItsOwnSeriesAndCountHashtagsThroughInsightsOnly() {
    List<MediaDelta> deltas =
        apply(
            counters(5, 10L, 0),
            insights("owner", 10, 40),
            counters(15, 14L, 1),
            insights("owner", 20, 70));

    // Each kind against its own last reading: 10, 40, 5 (15 - 10), 30 (70 - 40); never 40 - 10.
    // The 10 public counters gave the hashtag are taken back when insights arrive.
    assertThat(deltas).extracting(MediaDelta::engagement).containsExactly(10L, -10L, 40L, 5L, 30L);
    assertThat(deltas)
        .extracting(MediaDelta::hashtags)
        .containsExactly(
            List.of("bread"), List.of("bread"), List.of("bread"), List.of(), List.of("bread"));
    assertThat(hashtagEngagement(deltas)).isEqualTo(70L);
  }

  @Test
  void shouldTakeBackWhatPublicCountersGaveTheHashtagsOverTheSpanTheyGaveIt() {
    // Found by hashtag search at 10:05 and 10:25, by its owner's media list only at 10:40.
    List<MediaDelta> deltas =
        apply(counters(5, 3L, 1), counters(25, 8L, 2), insights("owner", 40, 15));

    MediaDelta retraction = deltas.get(2);
    assertThat(retraction.kind()).isEqualTo(SnapshotKind.PUBLIC_COUNTERS);
    assertThat(retraction.changes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("engagement", -10L, "likes", -8L, "comments", -2L));
    assertThat(retraction.from()).isEqualTo(POSTED.toEpochMilli());
    assertThat(retraction.capturedAt()).isEqualTo(minutes(25).toEpochMilli());
    // It reaches the hashtags only: no earned-by account, no owner, no posting-hour count.
    assertThat(retraction.earnedBy()).isEmpty();
    assertThat(retraction.hashtagAccount()).isNull();
    assertThat(retraction.firstCountForPostingHour()).isFalse();
    // The hashtag ends with the insights' 15, counted from zero within the credit.
    assertThat(hashtagEngagement(deltas)).isEqualTo(15L);
    assertThat(state.hashtagCredit()).isNull();
  }

  @Test
  void shouldKeepPublicCountersForTheHashtagsOfMediaNeverReadThroughInsights() {
    List<MediaDelta> deltas = apply(counters(5, 3L, 1), counters(25, 8L, 2));

    assertThat(hashtagEngagement(deltas)).isEqualTo(10L);
    assertThat(state.hashtagCredit().changes()).containsEntry("engagement", 10L);
    assertThat(state.hashtagCredit().from()).isEqualTo(POSTED.toEpochMilli());
  }

  private static long hashtagEngagement(List<MediaDelta> deltas) {
    return deltas.stream()
        .filter(d -> d.hashtags().contains("bread"))
        .mapToLong(MediaDelta::engagement)
        .sum();
  }

  @Test
  void shouldCreditEveryInsightDeltaToTheFirstOwnerNamed() {
    List<MediaDelta> deltas =
        apply(insights("first", 10, 40), insights("second", 20, 90), insights("first", 30, 95));

    assertThat(deltas).extracting(MediaDelta::ownerId).containsOnly("first");
    assertThat(deltas)
        .extracting(MediaDelta::firstCountForPostingHour)
        .containsExactly(true, false, false);
  }

  @Test
  void shouldCountAMetricFirstKnownWithinTheCreditFromZero() {
    // A story read at 10:10 with too few viewers has no numbers; at 10:30 it has 40.
    MediaInsightSnapshot unread =
        Snapshots.media("m1", "owner", List.of(), POSTED, minutes(10), Map.of());
    List<MediaDelta> deltas = apply(unread, insights("owner", 30, 40), insights("owner", 45, 50));

    assertThat(deltas).extracting(MediaDelta::engagement).containsExactly(40L, 10L);
  }

  @Test
  void shouldOnlyStartFromAMetricFirstKnownAfterTheCredit() {
    MediaInsightSnapshot unread =
        Snapshots.media("m1", "owner", List.of(), POSTED, minutes(10), Map.of());
    List<MediaDelta> deltas = apply(unread, insights("owner", 70, 40), insights("owner", 80, 50));

    assertThat(deltas).extracting(MediaDelta::engagement).containsExactly(10L);
  }

  @Test
  void shouldIgnoreSnapshotsOfAnUnknownKind() {
    MediaInsightSnapshot unknown = insights("owner", 10, 40);
    unknown.setKind(SnapshotKind.UNKNOWN);

    assertThat(calculator.apply(null, unknown)).isEmpty();
  }
}
