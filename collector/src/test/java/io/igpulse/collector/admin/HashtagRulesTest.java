package io.igpulse.collector.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hashtags an account may track, and the message for those it may not. */
class HashtagRulesTest {

  @Test
  void shouldNormalizeAndKeepLettersOfAnyScriptDigitsAndUnderscores() {
    assertThat(
            HashtagRules.normalize(
                List.of(" #Sunset ", "sunset", "café_2026", "東京", "नमस्ते", "", "  ")))
        .containsExactly("sunset", "café_2026", "東京", "नमस्ते");
  }

  @Test
  void shouldRefuseAPipeThatWouldBreakTheSeenKey() {
    assertThatThrownBy(() -> HashtagRules.normalize(List.of("food|owned|1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "hashtag 'food|owned|1' may hold only letters, digits and _"
                + " (no spaces, #, |, / or punctuation)");
  }

  @Test
  void shouldRefuseSpacesSlashesNewlinesAndPunctuation() {
    for (String bad : List.of("two words", "a/b", "line\nbreak", "dot.ted", "emoji🔥", "##x")) {
      assertThatThrownBy(() -> HashtagRules.normalize(List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("may hold only letters, digits and _");
    }
  }

  @Test
  void shouldRefuseAHashtagLongerThanTheLimit() {
    assertThat(HashtagRules.normalize(List.of("a".repeat(100)))).containsExactly("a".repeat(100));
    assertThatThrownBy(() -> HashtagRules.normalize(List.of("a".repeat(101))))
        .hasMessage("hashtag '" + "a".repeat(40) + "…' is longer than 100 characters");
  }

  @Test
  void shouldRefuseMoreHashtagsThanAnAccountCanSearch() {
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      tags.add("tag" + i);
    }
    assertThat(HashtagRules.normalize(tags)).hasSize(30);
    tags.add("tag30");

    assertThatThrownBy(() -> HashtagRules.normalize(tags))
        .hasMessage(
            "31 hashtags for one account; at most 30"
                + " (the Graph API allows 30 distinct hashtag searches per 7 days)");
  }

  @Test
  void shouldRefuseThroughTheRegistrationRequestToo() {
    assertThatThrownBy(
            () ->
                new AccountWriter.Request(
                    "17841400000000000", "Brand", "brand_a", List.of("a|b"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a|b'");
  }
}
