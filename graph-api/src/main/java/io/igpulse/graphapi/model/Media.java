package io.igpulse.graphapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

  /**
   * When the media was created, from {@code timestamp} ({@code 2024-06-30T10:00:00+0000}); null if
   * absent.
   */
  public Instant createdAt() {
    if (timestamp == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(timestamp, GRAPH_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static final DateTimeFormatter GRAPH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

  public MediaKind kind() {
    return MediaKind.of(productType, mediaType);
  }
}
