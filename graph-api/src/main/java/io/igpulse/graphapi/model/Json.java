package io.igpulse.graphapi.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Small null-tolerant readers: the API omits fields rather than sending nulls. */
final class Json {

  private Json() {}

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Long longOrNull(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || !v.canConvertToLong() && !v.isTextual() ? null : v.asLong();
  }
}
