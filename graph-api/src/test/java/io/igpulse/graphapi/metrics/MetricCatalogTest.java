package io.igpulse.graphapi.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.graphapi.ApiVersion;
import java.util.List;
import java.util.Map;
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

  @Test
  void shouldKeepOldVersionsOnTheNamesTheyHad() {
    ApiVersion v17 = ApiVersion.parse("v17.0");
    assertThat(catalog.metricsFor(MediaKind.FEED_IMAGE, v17)).contains("impressions", "engagement");
    assertThat(catalog.metricsFor(MediaKind.STORY, v17))
        .contains("exits", "taps_forward", "taps_back");
    assertThat(catalog.metricsFor(MediaKind.FEED_VIDEO, ApiVersion.parse("v20.0")))
        .contains("video_views");
    assertThat(catalog.metricsFor(MediaKind.FEED_VIDEO, ApiVersion.parse("v21.0")))
        .doesNotContain("video_views");
  }

  @Test
  void shouldNestOnlyMetricsEveryListedKindAccepts() {
    assertThat(catalog.listingMetrics(V24))
        .containsExactly("reach", "saved", "likes", "comments", "shares", "total_interactions");
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
  void shouldNormalizeEngagement() {
    assertThat(Engagement.normalized(Map.of("total_interactions", 9L, "likes", 4L))).hasValue(9);
    assertThat(
            Engagement.normalized(Map.of("likes", 4L, "comments", 1L, "saved", 2L, "shares", 3L)))
        .hasValue(10);
    assertThat(Engagement.normalized(Map.of("reach", 26L))).isEmpty();
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
