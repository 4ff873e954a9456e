package io.igpulse.enricher.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.enricher.schedule.MediaState;
import io.igpulse.enricher.schedule.PublicEntry;
import io.igpulse.enricher.schedule.Reader;
import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.events.SnapshotKind;
import io.igpulse.events.UnavailableMetric;
import io.igpulse.events.UnavailableReason;
import io.igpulse.graphapi.metrics.MetricCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {

  private final SnapshotBuilder builder = new SnapshotBuilder(new MetricCatalog());
  private final Instant captured = Instant.parse("2026-01-12T10:00:00Z");

  @Test
  void shouldCarryEveryValueUnderItsNormalizedNameWithEngagement() {
    MediaInsightSnapshot s =
        builder.build(
            media("FEED", "IMAGE"),
            Map.of(
                "reach",
                100L,
                "likes",
                7L,
                "comments",
                2L,
                "saved",
                1L,
                "shares",
                0L,
                "total_interactions",
                10L,
                "views",
                300L),
            List.of("reach", "saved", "views", "likes", "comments", "shares", "total_interactions"),
            List.of("reach", "saved", "views", "likes", "comments", "shares", "total_interactions"),
            UnavailableReason.NO_DATA_YET,
            null,
            captured,
            "v24.0");
    assertThat(s.getMetrics()).containsEntry("reach", 100L).containsEntry("views", 300L);
    assertThat(s.getEngagement()).isEqualTo(10L);
    assertThat(s.getLikeCount()).isEqualTo(7L);
    assertThat(s.getCommentsCount()).isEqualTo(2L);
    assertThat(s.getUnavailable()).isEmpty();
    assertThat(s.getCapturedAt()).isEqualTo(captured);
    assertThat(s.getMediaType()).isEqualTo(MediaType.IMAGE);
    assertThat(s.getMediaProductType()).isEqualTo(MediaProductType.FEED);
    assertThat(s.getHashtags()).containsExactly("sunset");
  }

  @Test
  void shouldSayWhyEachMetricIsMissingInsteadOfAZero() {
    // v21 feed image whose impressions the API refused: views is retired, saved had no data,
    // and a story-less core metric list is reported per type.
    MediaInsightSnapshot s =
        builder.build(
            media("FEED", "IMAGE"),
            Map.of(
                "reach", 5L, "likes", 1L, "comments", 0L, "shares", 0L, "total_interactions", 1L),
            List.of("reach", "saved", "likes", "comments", "shares", "total_interactions"),
            List.of(
                "reach",
                "saved",
                "impressions",
                "likes",
                "comments",
                "shares",
                "total_interactions"),
            UnavailableReason.NO_DATA_YET,
            null,
            captured,
            "v21.0");
    assertThat(s.getMetrics()).doesNotContainKeys("saved", "views", "impressions");
    assertThat(s.getUnavailable())
        .extracting(UnavailableMetric::getMetric, UnavailableMetric::getReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("saved", UnavailableReason.NO_DATA_YET),
            org.assertj.core.groups.Tuple.tuple("views", UnavailableReason.RETIRED));
  }

  @Test
  void shouldListEveryAskedMetricWhenAStoryHasTooFewViewers() {
    MediaInsightSnapshot s =
        builder.build(
            media("STORY", "IMAGE"),
            Map.of(),
            List.of("reach", "views", "shares"),
            List.of("reach", "views", "shares"),
            UnavailableReason.NOT_ENOUGH_VIEWERS,
            "not enough viewers: (#10)",
            captured,
            "v24.0");
    assertThat(s.getMetrics()).isEmpty();
    assertThat(s.getEngagement()).isNull();
    assertThat(s.getUnavailable())
        .filteredOn(u -> u.getReason() == UnavailableReason.NOT_ENOUGH_VIEWERS)
        .extracting(UnavailableMetric::getMetric)
        .containsExactly("reach", "views", "shares");
    assertThat(s.getUnavailable())
        .filteredOn(u -> u.getReason() == UnavailableReason.UNSUPPORTED_FOR_TYPE)
        .extracting(UnavailableMetric::getMetric)
        .containsExactly("likes", "comments", "saved", "total_interactions");
  }

  @Test
  void shouldNameTheAccountAsOwnerOfAnInsightsSnapshotEvenWhenTheDiscoveryNamedNone() {
    ScheduleEntry withoutOwner =
        ScheduleEntry.fresh(
            "17841400000000001",
            "m1",
            null,
            "IMAGE",
            "FEED",
            0L,
            null,
            List.of(),
            Set.of("OWNED"),
            MediaState.ACTIVE,
            0);
    MediaInsightSnapshot s =
        builder.build(
            withoutOwner,
            Map.of("reach", 5L),
            List.of("reach"),
            List.of("reach"),
            UnavailableReason.NO_DATA_YET,
            null,
            captured,
            "v24.0");
    assertThat(s.getKind()).isEqualTo(SnapshotKind.INSIGHTS);
    assertThat(s.getOwnerId()).isEqualTo("17841400000000001");
    assertThat(s.getOwnerUsername()).isNull();
    assertThat(s.getEarnedBy()).isEmpty();
  }

  @Test
  void shouldBuildAPublicCounterSnapshotWithLikesCommentsAndEngagement() {
    MediaInsightSnapshot s = builder.publicCounters(tagged(), 40L, 3L, captured, "v24.0");
    assertThat(s.getKind()).isEqualTo(SnapshotKind.PUBLIC_COUNTERS);
    assertThat(s.getMetrics()).isEqualTo(Map.of("likes", 40L, "comments", 3L));
    assertThat(s.getLikeCount()).isEqualTo(40L);
    assertThat(s.getCommentsCount()).isEqualTo(3L);
    assertThat(s.getEngagement()).isEqualTo(43L);
    assertThat(s.getOwnerId()).isNull();
    assertThat(s.getOwnerUsername()).isEqualTo("someone_else");
    assertThat(s.getEarnedBy()).containsExactly("178401", "178402");
    assertThat(s.getHashtags()).containsExactly("sunset");
    assertThat(s.getCapturedAt()).isEqualTo(captured);
    assertThat(s.getUnavailable())
        .extracting(UnavailableMetric::getMetric)
        .containsExactlyInAnyOrder("reach", "views", "saved", "shares", "total_interactions");
  }

  @Test
  void shouldLeaveHiddenLikesOutInsteadOfCountingThemAsZero() {
    MediaInsightSnapshot s = builder.publicCounters(tagged(), null, 3L, captured, "v24.0");
    assertThat(s.getMetrics()).isEqualTo(Map.of("comments", 3L));
    assertThat(s.getLikeCount()).isNull();
    assertThat(s.getEngagement()).as("comments alone").isEqualTo(3L);
    assertThat(s.getUnavailable())
        .filteredOn(u -> u.getMetric().equals("likes"))
        .extracting(UnavailableMetric::getReason)
        .containsExactly(UnavailableReason.PERMISSION_DENIED);
  }

  private static PublicEntry tagged() {
    return PublicEntry.found(
            "m9",
            "IMAGE",
            "FEED",
            0L,
            List.of("sunset"),
            "someone_else",
            new Reader("TAGGED", "178402", null),
            0L)
        .withReader(new Reader("MENTION", "178401", null), null, List.of(), null);
  }

  private static ScheduleEntry media(String product, String type) {
    return ScheduleEntry.fresh(
        "17841400000000001",
        "m1",
        "17841400000000001",
        type,
        product,
        Instant.parse("2026-01-12T08:00:00Z").toEpochMilli(),
        null,
        List.of("sunset"),
        Set.of("OWNED"),
        MediaState.ACTIVE,
        0);
  }
}
