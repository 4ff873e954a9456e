package io.igpulse.collector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.igpulse.collector.webhook.WebhookEnvelope.Notification;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookEnvelopeTest {

  @Test
  void shouldReadMentionsCommentsAndStoryInsightsAndIgnoreOtherFields() {
    String body =
        """
        {"object":"instagram","entry":[
          {"id":"17841","time":1,"changes":[
            {"field":"mentions","value":{"media_id":"m1","comment_id":"c1"}},
            {"field":"comments","value":{"id":"c2","from":{"id":"9","username":"x"},"text":"hi","media":{"id":"m2","media_product_type":"FEED"}}},
            {"field":"story_insights","value":{"media_id":"s1","reach":4}},
            {"field":"live_comments","value":{"id":"l1"}}]},
          {"id":"17842","changes":[{"field":"mentions","value":{}}]}]}
        """;

    WebhookEnvelope.Parsed parsed = WebhookEnvelope.parse(body.getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.notifications())
        .containsExactly(
            new Notification("17841", "mentions", "m1"),
            new Notification("17841", "comments", "m2"),
            new Notification("17841", "story_insights", "s1"));
    assertThat(parsed.ignored()).isEqualTo(2);
  }

  @Test
  void shouldRefuseABodyThatIsNoEnvelope() {
    assertThatThrownBy(() -> WebhookEnvelope.parse("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                WebhookEnvelope.parse(
                    "{\"object\":\"instagram\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
