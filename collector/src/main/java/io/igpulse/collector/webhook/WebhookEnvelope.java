package io.igpulse.collector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Instagram's webhook envelope {@code {"object":"instagram","entry":[{"id":..., "changes":
 * [{"field":..., "value":{...}}]}]}} into the (account, field, media) notifications the collector
 * acts on. Fields it does not act on are counted by the caller, not refused: Meta adds fields.
 */
public final class WebhookEnvelope {

  public static final Set<String> FIELDS = Set.of("mentions", "comments", "story_insights");
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookEnvelope() {}

  /** One notification that names a media of a followed account. */
  public record Notification(String account, String field, String mediaId) {}

  /** What a body held: notifications to route, and how many changes were ignored. */
  public record Parsed(List<Notification> notifications, int ignored) {}

  /**
   * @throws IllegalArgumentException when the body is not an envelope at all
   */
  public static Parsed parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("webhook body is not JSON");
    }
    if (root == null || !root.path("entry").isArray()) {
      throw new IllegalArgumentException("webhook body has no entry list");
    }
    List<Notification> out = new ArrayList<>();
    int ignored = 0;
    for (JsonNode entry : root.path("entry")) {
      String account = entry.path("id").asText("");
      for (JsonNode change : entry.path("changes")) {
        String field = change.path("field").asText("");
        String media = mediaOf(field, change.path("value"));
        if (account.isEmpty() || !FIELDS.contains(field) || media == null || media.isEmpty()) {
          ignored++;
        } else {
          out.add(new Notification(account, field, media));
        }
      }
    }
    return new Parsed(out, ignored);
  }

  private static String mediaOf(String field, JsonNode value) {
    return switch (field) {
      case "mentions", "story_insights" -> value.path("media_id").asText(null);
      case "comments" -> value.path("media").path("id").asText(null);
      default -> null;
    };
  }
}
