package io.igpulse.enricher.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicPathsTest {

  private static final long HOUR = Duration.ofHours(1).toMillis();

  @ParameterizedTest
  @CsvSource({
    "OWNED, true, false",
    "STORY, true, false",
    "TAGGED, false, true",
    "MENTION, false, true",
    "HASHTAG_TOP, false, true",
    "HASHTAG_RECENT, false, true",
    "UNKNOWN, false, false"
  })
  void shouldReadInsightsOnlyOfTheAccountsOwnMedia(String source, boolean insights, boolean edge) {
    assertThat(PublicPaths.readWithInsights(source)).isEqualTo(insights);
    assertThat(PublicPaths.readThroughEdge(source)).isEqualTo(edge);
  }

  @Test
  void shouldReadThroughTheCheapestEdgeFirst() {
    Set<Reader> readers =
        Set.of(
            new Reader("HASHTAG_RECENT", "1", "sunset"),
            new Reader("HASHTAG_TOP", "1", "sunset"),
            new Reader("MENTION", "1", null),
            new Reader("TAGGED", "3", null),
            new Reader("TAGGED", "2", null));
    assertThat(PublicPaths.choose(readers, 0, HOUR)).contains(new Reader("TAGGED", "2", null));
    assertThat(
            PublicPaths.choose(
                Set.of(new Reader("HASHTAG_RECENT", "1", "a"), new Reader("HASHTAG_TOP", "1", "b")),
                0,
                HOUR))
        .contains(new Reader("HASHTAG_TOP", "1", "b"));
  }

  @Test
  void shouldForgetTheRecentHashtagEdgeOnceTheMediaIs24HoursOld() {
    Reader recent = new Reader("HASHTAG_RECENT", "1", "sunset");
    assertThat(PublicPaths.choose(Set.of(recent), 0, 24 * HOUR - 1)).contains(recent);
    assertThat(PublicPaths.choose(Set.of(recent), 0, 24 * HOUR)).isEmpty();
    assertThat(PublicPaths.listable(Set.of(recent, new Reader("TAGGED", "2", null)), 0, 30 * HOUR))
        .containsExactly(new Reader("TAGGED", "2", null));
  }

  @Test
  void shouldCreditEveryAccountThatWasTaggedOrMentionedButNotHashtagFinders() {
    assertThat(
            PublicPaths.earnedBy(
                Set.of(
                    new Reader("MENTION", "9", null),
                    new Reader("TAGGED", "2", null),
                    new Reader("TAGGED", "9", null),
                    new Reader("HASHTAG_TOP", "5", "sunset"))))
        .containsExactly("2", "9");
  }
}
