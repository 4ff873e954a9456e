package io.igpulse.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a group of {@link Change}s as one JSON line and reads it back: a JSON array of objects,
 * each with a {@code change} kind and the change's fields. Field names are the journal's format;
 * renaming one breaks existing data directories.
 */
final class ChangeCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangeCodec() {}

  /** One line (no newline inside: JSON escapes line breaks in strings). */
  static String encode(List<Change> changes) {
    ArrayNode line = JSON.createArrayNode();
    changes.forEach(change -> line.add(encode(change)));
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a journal line", e);
    }
  }

  private static ObjectNode encode(Change change) {
    ObjectNode node = JSON.createObjectNode();
    if (change instanceof Change.ContentAdded c) {
      node.put("change", "content").put("contentId", c.contentId()).put("content", c.content());
    } else if (change instanceof Change.ArtifactCreated a) {
      node.put("change", "artifact")
          .put("groupId", a.groupId())
          .put("artifactId", a.artifactId())
          .put("artifactType", a.artifactType())
          .put("createdOn", a.createdOn().toString());
    } else if (change instanceof Change.VersionCreated v) {
      node.put("change", "version")
          .put("groupId", v.groupId())
          .put("artifactId", v.artifactId())
          .put("version", v.version())
          .put("globalId", v.globalId())
          .put("contentId", v.contentId())
          .put("createdOn", v.createdOn().toString());
    } else if (change instanceof Change.RuleSet r) {
      scope(node.put("change", "ruleSet"), r.scope())
          .put("ruleType", r.ruleType())
          .put("config", r.config());
    } else if (change instanceof Change.RuleDeleted r) {
      scope(node.put("change", "ruleDeleted"), r.scope()).put("ruleType", r.ruleType());
    }
    return node;
  }

  private static ObjectNode scope(ObjectNode node, RuleScope scope) {
    return node.put("groupId", scope.groupId()).put("artifactId", scope.artifactId());
  }

  /**
   * Reads one line.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static List<Change> decode(String line) {
    JsonNode array;
    try {
      array = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw new IllegalArgumentException("not a non-empty JSON array of changes");
    }
    List<Change> changes = new ArrayList<>();
    array.forEach(node -> changes.add(decodeOne(node)));
    return changes;
  }

  private static Change decodeOne(JsonNode node) {
    String kind = text(node, "change");
    return switch (kind) {
      case "content" -> new Change.ContentAdded(number(node, "contentId"), text(node, "content"));
      case "artifact" ->
          new Change.ArtifactCreated(
              text(node, "groupId"),
              text(node, "artifactId"),
              text(node, "artifactType"),
              instant(node, "createdOn"));
      case "version" ->
          new Change.VersionCreated(
              text(node, "groupId"),
              text(node, "artifactId"),
              text(node, "version"),
              number(node, "globalId"),
              number(node, "contentId"),
              instant(node, "createdOn"));
      case "ruleSet" ->
          new Change.RuleSet(scope(node), text(node, "ruleType"), text(node, "config"));
      case "ruleDeleted" -> new Change.RuleDeleted(scope(node), text(node, "ruleType"));
      default -> throw new IllegalArgumentException("unknown change kind '" + kind + "'");
    };
  }

  private static RuleScope scope(JsonNode node) {
    String group = optionalText(node, "groupId");
    String artifact = optionalText(node, "artifactId");
    if (group == null && artifact != null) {
      throw new IllegalArgumentException("a rule names an artifact without its group");
    }
    return new RuleScope(group, artifact);
  }

  private static String text(JsonNode node, String field) {
    String value = optionalText(node, field);
    if (value == null) {
      throw new IllegalArgumentException("missing text field '" + field + "'");
    }
    return value;
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is not text");
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("missing or non-integer field '" + field + "'");
    }
    return value.asLong();
  }

  private static Instant instant(JsonNode node, String field) {
    try {
      return Instant.parse(text(node, field));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field '" + field + "' is not an instant");
    }
  }
}
