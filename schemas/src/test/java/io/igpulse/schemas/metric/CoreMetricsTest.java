package io.igpulse.schemas.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreMetricsTest {

  @Test
  void shouldReportTheTrackedMetricsAndTotalInteractions() {
    assertThat(CoreMetrics.REPORTED)
        .containsExactly(
            "reach", "views", "likes", "comments", "saved", "shares", "total_interactions");
    assertThat(CoreMetrics.TRACKED)
        .containsExactly(
            "engagement", "reach", "views", "likes", "comments", "saved", "shares", "follows");
  }

  @Test
  void shouldPreferTotalInteractionsElseAddThePartsPresent() {
    assertThat(CoreMetrics.engagement(Map.of("total_interactions", 9L, "likes", 4L))).hasValue(9);
    assertThat(
            CoreMetrics.engagement(Map.of("likes", 4L, "comments", 1L, "saved", 2L, "shares", 3L)))
        .hasValue(10);
    assertThat(CoreMetrics.engagement(Map.of("likes", 4L, "reach", 26L))).hasValue(4);
    assertThat(CoreMetrics.engagement(Map.of("reach", 26L))).isEmpty();
  }
}
