package io.igpulse.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny JDK HTTP client for the ITs: real requests over loopback. */
final class Http {

  // HTTP/1.1 like the Graph API clients; an h2c connection cached for a closed simulator's port
  // (ports are reused within one JVM) could otherwise be picked up again.
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  static HttpResponse<String> get(String url) {
    return send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build());
  }

  static HttpResponse<String> getWithBearer(String url, String token) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  static HttpResponse<String> postJson(String url, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static HttpResponse<String> postForm(String url, String... keyValues) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      form.append(i == 0 ? "" : "&")
          .append(enc(keyValues[i]))
          .append('=')
          .append(enc(keyValues[i + 1]));
    }
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body());
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
