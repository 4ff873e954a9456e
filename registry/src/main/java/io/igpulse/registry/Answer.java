package io.igpulse.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer. Every answer carries {@code application/json}: the serdes' JDK client fails on a
 * body without a content type, and raw schemas are JSON too.
 */
record Answer(int status, byte[] body) {

  static final String CONTENT_TYPE = "application/json";
  private static final ObjectMapper JSON = new ObjectMapper();

  static Answer json(int status, JsonNode node) {
    try {
      return new Answer(status, JSON.writeValueAsBytes(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer ok(JsonNode node) {
    return json(200, node);
  }

  /** A stored schema, byte for byte. */
  static Answer raw(String content) {
    return new Answer(200, content.getBytes(StandardCharsets.UTF_8));
  }

  static Answer noContent() {
    return new Answer(204, new byte[0]);
  }
}
