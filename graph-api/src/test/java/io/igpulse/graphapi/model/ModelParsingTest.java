package io.igpulse.graphapi.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.graphapi.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelParsingTest {

  @Test
  void shouldReadLifetimeInsightsOfTheSeedAnswer() {
    MediaInsights insights =
        MediaInsights.from("17899859863269349", Fixtures.json("media-insights-v3.2-seed.json"));
    assertThat(insights.values())
        .containsEntry("impressions", 40L)
        .containsEntry("engagement", 4L)
        .containsEntry("reach", 26L);
    assertThat(insights.values()).doesNotContainKey("total_interactions");
  }

  @Test
  void shouldReadTheMediaListPage() {
    List<Media> media =
        Fixtures.json("media-list-paged.json").path("data").findParents("id").stream()
            .map(Media::from)
            .toList();
    assertThat(media)
        .extracting(Media::kind)
        .containsExactly(MediaKind.FEED_CAROUSEL, MediaKind.REELS);
    assertThat(media.get(1).likeCount()).isEqualTo(48L);
    assertThat(media.get(0).insights()).isEmpty();
  }

  @Test
  void shouldReadTimeSeriesShape() {
    List<AccountInsight> insights =
        AccountInsight.listFrom(Fixtures.json("account-insights-time-series.json"));
    assertThat(insights).hasSize(1);
    assertThat(insights.get(0).series())
        .containsExactly(
            new AccountInsight.Point(32, "2026-01-10T08:00:00+0000"),
            new AccountInsight.Point(41, "2026-01-11T08:00:00+0000"));
  }

  @Test
  void shouldReadTotalValueBreakdownShape() {
    AccountInsight demo =
        AccountInsight.listFrom(Fixtures.json("account-insights-total-value-demographics.json"))
            .get(0);
    assertThat(demo.name()).isEqualTo("follower_demographics");
    assertThat(demo.breakdowns())
        .containsExactly(
            new AccountInsight.BreakdownValue(List.of("city"), List.of("London, England"), 263),
            new AccountInsight.BreakdownValue(List.of("city"), List.of("Manchester, England"), 58));
  }

  @Test
  void shouldCutLongRangesIntoThirtyDayWindowsNewestFirst() {
    Instant until = Instant.parse("2026-03-01T00:00:00Z");
    Instant since = until.minus(java.time.Duration.ofDays(75));
    List<AccountInsightsQuery> windows =
        new AccountInsightsQuery(List.of("reach"), "day", null, null, since, until)
            .windowsBackwards();
    assertThat(windows).hasSize(3);
    assertThat(windows.get(0).until()).isEqualTo(until);
    assertThat(windows.get(0).since()).isEqualTo(until.minus(java.time.Duration.ofDays(30)));
    assertThat(windows.get(2).since()).isEqualTo(since);
    assertThat(windows)
        .allSatisfy(
            w ->
                assertThat(java.time.Duration.between(w.since(), w.until()).toDays())
                    .isLessThanOrEqualTo(30));
  }

  @Test
  void shouldReadDiscoveryAnswers() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    PageAccount linked =
        PageAccount.from(
            json.readTree(
                "{\"id\":\"1\",\"name\":\"P\",\"instagram_business_account\":{\"id\":\"178\"}}"));
    PageAccount unlinked = PageAccount.from(json.readTree("{\"id\":\"2\",\"name\":\"Q\"}"));
    assertThat(linked.igUserId()).contains("178");
    assertThat(unlinked.igUserId()).isEmpty();
  }
}
