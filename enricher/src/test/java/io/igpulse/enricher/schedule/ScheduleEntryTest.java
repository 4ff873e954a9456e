package io.igpulse.enricher.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.enricher.fetch.InsightFetcher;
import io.igpulse.graphapi.token.AccessToken;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleEntryTest {

  private static final AccessToken TOKEN = AccessToken.of("t");

  @Test
  void shouldAskAReelForItsCrossPostedViewsUntilARefusalShowsItIsNotCrossPosted() {
    ScheduleEntry reel = entry("REELS");

    ScheduleEntry refused = reel.snapshotTaken(1_000, 10L, OptionalLong.of(2_000));
    ScheduleEntry plain = refused.withCrossPosted(false);
    ScheduleEntry crossPosted = refused.withCrossPosted(true);

    assertThat(reel.asksCrossPosted()).isTrue();
    assertThat(new InsightFetcher.Request(TOKEN, "a", reel).calls()).isEqualTo(2);
    assertThat(plain.asksCrossPosted()).isFalse();
    assertThat(new InsightFetcher.Request(TOKEN, "a", plain).calls()).isEqualTo(1);
    assertThat(crossPosted.asksCrossPosted()).isTrue();
    // What was learned outlives the entry's later changes.
    assertThat(plain.snapshotTaken(2_000, 12L, OptionalLong.empty()).asksCrossPosted()).isFalse();
    assertThat(plain.retryLater(3_000).crossPosted()).isFalse();
    assertThat(plain.withSource("HASHTAG_TOP", List.of("x")).crossPosted()).isFalse();
  }

  @Test
  void shouldNeverAskAnythingButAReelForCrossPostedViews() {
    for (String product : List.of("FEED", "STORY", "AD")) {
      assertThat(entry(product).asksCrossPosted()).as(product).isFalse();
    }
    assertThat(new InsightFetcher.Request(TOKEN, "a", entry("STORY"), true).calls()).isEqualTo(3);
  }

  private static ScheduleEntry entry(String productType) {
    return ScheduleEntry.fresh(
        "a",
        "m",
        "a",
        "VIDEO",
        productType,
        0,
        null,
        List.of(),
        Set.of("OWNED"),
        MediaState.ACTIVE,
        1_000);
  }
}
