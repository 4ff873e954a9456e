package io.igpulse.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One API request, its path below {@code /apis/registry/v3} split into decoded segments. Its {@link
 * #template()} names the variable segments ({@code /groups/{groupId}/artifacts/...}) so that
 * requests are routed, and logged, by shape.
 */
record Request(String method, String[] segments, Map<String, String> query, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Request of(String method, String apiPath, String rawQuery, byte[] body) {
    String[] segments =
        Arrays.stream(apiPath.split("/"))
            .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
            .toArray(String[]::new);
    return new Request(method, segments, query(rawQuery), body);
  }

  /** The decoded segment at {@code index}. */
  String segment(int index) {
    return segments[index];
  }

  /** {@code METHOD /path/template}, the key requests are routed by. */
  String route() {
    return method + " " + template();
  }

  /** {@code METHOD /path/template?sortedQueryParameterNames}, as the call log records it. */
  String shape() {
    return route() + (query.isEmpty() ? "" : "?" + String.join("&", new TreeSet<>(query.keySet())));
  }

  String template() {
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      t.append('/').append(variableName(i).orElse(segments[i]));
    }
    return t.toString();
  }

  private Optional<String> variableName(int i) {
    String name =
        switch (segments[0]) {
          case "groups" -> groupsVariable(i);
          case "ids" ->
              i == 2 ? ("contentIds".equals(segments[1]) ? "{contentId}" : "{globalId}") : null;
          case "admin" -> i == 2 ? "{ruleType}" : null;
          default -> null;
        };
    return Optional.ofNullable(name);
  }

  private String groupsVariable(int i) {
    boolean groupRules = segments.length > 2 && "rules".equals(segments[2]);
    return switch (i) {
      case 1 -> "{groupId}";
      case 3 -> groupRules ? "{ruleType}" : "{artifactId}";
      case 5 -> "rules".equals(segments[4]) ? "{ruleType}" : "{version}";
      default -> null;
    };
  }

  String queryParameter(String name, String fallback) {
    return query.getOrDefault(name, fallback);
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(query.getOrDefault(name, "false"));
  }

  int number(String name, int fallback) {
    String value = query.get(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw RegistryProblem.badRequest("query parameter " + name + " is not a number: " + value);
    }
  }

  /** The id in the segment at {@code index}. */
  long id(int index) {
    try {
      return Long.parseLong(segments[index]);
    } catch (NumberFormatException e) {
      throw RegistryProblem.badRequest("not an id: " + segments[index]);
    }
  }

  JsonNode json() {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw RegistryProblem.badRequest("request body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw RegistryProblem.badRequest("request body is not JSON: " + e.getMessage());
    }
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.put(key, value);
    }
    return query;
  }
}
