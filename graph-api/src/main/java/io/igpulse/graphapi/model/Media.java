package io.igpulse.graphapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.graphapi.metrics.MediaKind;
import java.util.Optional;

/**
 * One media object as listed or read; {@code insights} is present when the request nested them
 * through field expansion.
 */
public record Media(
    String id,
    String timestamp,
    String mediaType,
    String productType,
    String caption,
    String permalink,
    String username,
    Long likeCount,
    Long commentsCount,
    Optional<MediaInsights> insights) {

  public static Media from(JsonNode n) {
    String id = n.path("id").asText();
    JsonNode nested = n.get("insights");
    return new Media(
        id,
        Json.text(n, "timestamp"),
        Json.text(n, "media_type"),
        Json.text(n, "media_product_type"),
        Json.text(n, "caption"),
        Json.text(n, "permalink"),
        Json.text(n, "username"),
        Json.longOrNull(n, "like_count"),
        Json.longOrNull(n, "comments_count"),
        nested == null || nested.isNull()
            ? Optional.empty()
            : Optional.of(MediaInsights.from(id, nested)));
  }

  public MediaKind kind() {
    return MediaKind.of(productType, mediaType);
  }
}
