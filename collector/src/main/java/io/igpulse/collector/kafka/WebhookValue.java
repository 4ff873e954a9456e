package io.igpulse.collector.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What a routed webhook notification carries on the collector's webhook topic (its key is the
 * account): the notification's field ({@code mentions}, {@code story_insights}, ...) and the media
 * it names, encoded as {@code <field>|<media>}. Written by the webhook routes, read back by the
 * accounts loop; this record is the one place that knows the format.
 */
public record WebhookValue(String field, String mediaId) {

  public WebhookValue {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(mediaId, "mediaId");
    if (field.contains("|")) {
      // A field name never has one; refusing it keeps the encoding reversible.
      throw new IllegalArgumentException("a webhook field has no '|': " + field);
    }
  }

  public byte[] encode() {
    return (field + "|" + mediaId).getBytes(StandardCharsets.UTF_8);
  }

  /** The value read back from the webhook topic, or empty when it is not one of ours. */
  public static Optional<WebhookValue> parse(byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    String text = new String(value, StandardCharsets.UTF_8);
    int bar = text.indexOf('|');
    if (bar <= 0 || bar == text.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new WebhookValue(text.substring(0, bar), text.substring(bar + 1)));
  }
}
