package io.igpulse.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Outside text cannot forge a log line or hide what it says. */
class LogSafeTest {

  @Test
  void shouldEscapeLineBreaksSoALabelCannotForgeALogLine() {
    String label = "Brand A\n2026-12-03 06:00:00 INFO Admin token accepted\r";

    assertThat(LogSafe.text(label))
        .isEqualTo("Brand A\\n2026-12-03 06:00:00 INFO Admin token accepted\\r")
        .doesNotContain("\n");
  }

  @Test
  void shouldEscapeControlAndFormatCharacters() {
    assertThat(LogSafe.text("a\u001b[31mred\u202eevil\u2028x\ty\\"))
        .isEqualTo("a\\u001b[31mred\\u202eevil\\u2028x\\ty\\\\");
  }

  @Test
  void shouldKeepUnicodeLettersAndEscapeInsideCollections() {
    assertThat(LogSafe.text(List.of("café", "東京", "bad\ntag"))).isEqualTo("[café, 東京, bad\\ntag]");
  }

  @Test
  void shouldCutLongText() {
    assertThat(LogSafe.text("x".repeat(1000))).isEqualTo("x".repeat(300) + "…(1000 chars)");
  }

  @Test
  void shouldWriteNullAsNull() {
    assertThat(LogSafe.text(null)).isEqualTo("null");
  }
}
