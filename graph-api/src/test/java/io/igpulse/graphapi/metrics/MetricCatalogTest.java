package io.igpulse.graphapi.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.graphapi.model.MediaKind;
import io.igpulse.graphapi.version.ApiVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MetricCatalogTest {

  private static final ApiVersion V24 = ApiVersion.parse("v24.0");
  private final MetricCatalog catalog = new MetricCatalog();

  @ParameterizedTest
  @EnumSource(MediaKind.class)
  void shouldNeverAskForARetiredNameOnCurrentVersions(MediaKind kind) {
    assertThat(catalog.metricsFor(kind, V24)).noneMatch(catalog::isRetiredName);
  }

  @Test
  void shouldAskEachKindForWhatItAccepts() {
    assertThat(catalog.metricsFor(MediaKind.REELS, V24))
        .contains("views", "ig_reels_avg_watch_time", "total_interactions")
        .doesNotContain("profile_visits", "navigation");
    assertThat(catalog.metricsFor(MediaKind.FEED_VIDEO, V24)).doesNotContain("views");
    assertThat(catalog.metricsFor(MediaKind.FEED_CAROUSEL, V24))
        .contains("profile_activity", "follows");
    assertThat(catalog.metricsFor(MediaKind.STORY, V24))
        .contains("navigation", "replies", "views")
        .doesNotContain("saved", "likes");
  }

  @ParameterizedTest
  @EnumSource(MediaKind.class)
  void shouldNeverAskOnV21ForMetricsNoVersionHasServedSince2025(MediaKind kind) {
    ApiVersion v21 = ApiVersion.parse("v21.0");
    assertThat(catalog.metricsFor(kind, v21, Instant.parse("2026-11-01T00:00:00Z")))
        .doesNotContain(
            "plays",
            "video_views",
            "clips_replays_count",
            "ig_reels_aggregated_all_plays_count",
            "impressions",
            "views",
            "engagement");
  }

  @Test
  void shouldAskForImpressionsOnlyForMediaCreatedBeforeJuly2024OnV21() {
    ApiVersion v21 = ApiVersion.parse("v21.0");
    Instant old = Instant.parse("2024-06-30T23:59:59Z");
    Instant recent = Instant.parse("2024-07-01T00:00:00Z");

    assertThat(catalog.metricsFor(MediaKind.FEED_IMAGE, v21, old)).contains("impressions");
    assertThat(catalog.metricsFor(MediaKind.FEED_VIDEO, v21, old)).contains("impressions");
    assertThat(catalog.metricsFor(MediaKind.REELS, v21, old)).doesNotContain("impressions");
    assertThat(catalog.metricsFor(MediaKind.FEED_IMAGE, v21, recent)).doesNotContain("impressions");
    assertThat(catalog.metricsFor(MediaKind.FEED_IMAGE, V24, old)).doesNotContain("impressions");
    assertThat(catalog.metricsFor(MediaKind.FEED_IMAGE, v21, null)).doesNotContain("impressions");
  }

  @Test
  void shouldAskForTheMetricsAddedSince2025WhereTheyApply() {
    assertThat(catalog.metricsFor(MediaKind.REELS, V24)).contains("reposts", "reels_skip_rate");
    assertThat(catalog.metricsFor(MediaKind.FEED_IMAGE, V24))
        .contains("reposts")
        .doesNotContain("reels_skip_rate");
    assertThat(catalog.metricsFor(MediaKind.STORY, V24)).contains("reposts", "profile_activity");
    for (MediaKind kind : MediaKind.values()) {
      assertThat(catalog.metricsFor(kind, V24))
          .as("cross-posted only metrics are asked apart")
          .doesNotContainAnyElementsOf(MetricCatalog.CROSSPOSTED);
    }
  }

  @Test
  void shouldServeAnExpiredVersionAsTheOldestLiveOne() {
    LocalDate dec2026 = LocalDate.parse("2026-12-02");
    assertThat(ApiVersion.parse("v20.0").servedOn(dec2026)).isEqualTo(ApiVersion.parse("v21.0"));
    assertThat(ApiVersion.parse("v18.0").servedOn(dec2026)).isEqualTo(ApiVersion.parse("v21.0"));
    assertThat(ApiVersion.parse("v20.0").servedOn(LocalDate.parse("2026-09-24")))
        .isEqualTo(ApiVersion.parse("v20.0"));
    assertThat(ApiVersion.parse("v21.0").servedOn(dec2026)).isEqualTo(ApiVersion.parse("v21.0"));
    assertThat(ApiVersion.parse("v21.0").servedOn(LocalDate.parse("2027-01-22")))
        .isEqualTo(ApiVersion.parse("v22.0"));
    assertThat(ApiVersion.parse("v27.0").servedOn(dec2026)).isEqualTo(ApiVersion.LATEST);
    assertThat(ApiVersion.parse("v27.0").restrictsNewApps()).isTrue();
    assertThat(ApiVersion.parse("v26.0").restrictsNewApps()).isFalse();
  }

  @Test
  void shouldNestOnlyMetricsEveryListedKindAccepts() {
    assertThat(catalog.listingMetrics(V24))
        .containsExactly(
            "reach", "saved", "likes", "comments", "shares", "total_interactions", "reposts");
  }

  @Test
  void shouldMapTheSeedArticlesNamesToSuccessors() {
    assertThat(
            catalog.resolve(
                List.of("impressions", "engagement", "reach"), MediaKind.FEED_IMAGE, V24))
        .containsExactly("views", "total_interactions", "reach");
    assertThat(
            catalog.resolve(
                List.of("exits", "taps_forward", "taps_back", "reach"), MediaKind.STORY, V24))
        .containsExactly("navigation", "reach");
    assertThat(catalog.successor("carousel_album_impressions")).isEqualTo("views");
    assertThat(catalog.successor("video_views")).isEqualTo("views");
  }

  @Test
  void shouldRememberRefusalsPerKindAndVersion() {
    RetiredMetrics retired = new RetiredMetrics();
    assertThat(retired.retire("REELS", V24, "reposts")).isTrue();
    assertThat(retired.retire("REELS", V24, "reposts")).isFalse();
    assertThat(retired.filter("REELS", V24, List.of("reach", "reposts"))).containsExactly("reach");
    assertThat(retired.filter("FEED_IMAGE", V24, List.of("reach", "reposts")))
        .containsExactly("reach", "reposts");
    assertThat(retired.filter("REELS", ApiVersion.parse("v25.0"), List.of("reposts")))
        .containsExactly("reposts");
    assertThat(retired.entries())
        .containsExactly(new RetiredMetrics.Entry("REELS", V24, "reposts"));
  }

  @Test
  void shouldTellKindsFromProductAndMediaType() {
    assertThat(MediaKind.of("FEED", "CAROUSEL_ALBUM")).isEqualTo(MediaKind.FEED_CAROUSEL);
    assertThat(MediaKind.of("REELS", "VIDEO")).isEqualTo(MediaKind.REELS);
    assertThat(MediaKind.of("STORY", "IMAGE")).isEqualTo(MediaKind.STORY);
    assertThat(MediaKind.of(null, "IMAGE")).isEqualTo(MediaKind.FEED_IMAGE);
    assertThat(MediaKind.of("AD", "IMAGE")).isEqualTo(MediaKind.OTHER);
  }
}
