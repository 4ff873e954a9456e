package io.igpulse.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookValueTest {

  @Test
  void shouldReadBackWhatItWrote() {
    WebhookValue value = new WebhookValue("mentions", "17895695668004550");

    assertThat(new String(value.encode(), StandardCharsets.UTF_8))
        .isEqualTo("mentions|17895695668004550");
    assertThat(WebhookValue.parse(value.encode())).contains(value);
  }

  @Test
  void shouldKeepABarInTheMediaPartAndRefuseOneInTheField() {
    assertThat(WebhookValue.parse("story_insights|a|b".getBytes(StandardCharsets.UTF_8)))
        .contains(new WebhookValue("story_insights", "a|b"));
    assertThatThrownBy(() -> new WebhookValue("men|tions", "1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNotReadAValueThatIsNotOurs() {
    for (String text : new String[] {"", "mentions", "|1", "mentions|"}) {
      assertThat(WebhookValue.parse(text.getBytes(StandardCharsets.UTF_8))).as(text).isEmpty();
    }
    assertThat(WebhookValue.parse(null)).isEmpty();
  }
}
