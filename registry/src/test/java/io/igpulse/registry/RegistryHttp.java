package io.igpulse.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain JDK HTTP client for the registry's API v3, as the tests call it. */
final class RegistryHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String apiUrl;

  RegistryHttp(EmbeddedRegistry registry) {
    this.apiUrl = registry.apiUrl();
  }

  HttpResponse<String> send(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Creates (or, per {@code query}, finds or adds to) an artifact in group {@code group}. */
  HttpResponse<String> createArtifact(
      String group, String artifactId, String schema, String query) {
    return send("POST", "/groups/" + group + "/artifacts" + query, createBody(artifactId, schema));
  }

  HttpResponse<String> addVersion(String group, String artifactId, String schema) {
    return send(
        "POST",
        "/groups/" + group + "/artifacts/" + artifactId + "/versions",
        write(Map.of("content", Map.of("content", schema, "contentType", "application/json"))));
  }

  HttpResponse<String> addRule(String scopePath, String ruleType, String config) {
    return send(
        "POST", scopePath + "/rules", write(Map.of("ruleType", ruleType, "config", config)));
  }

  static String createBody(String artifactId, String schema) {
    return write(
        Map.of(
            "artifactId",
            artifactId,
            "artifactType",
            "AVRO",
            "firstVersion",
            Map.of("content", Map.of("content", schema, "contentType", "application/json"))));
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
