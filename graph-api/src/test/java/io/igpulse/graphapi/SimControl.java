package io.igpulse.graphapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The simulator's control API ({@code /_sim/}) over real HTTP, for test setup and ground truth.
 * Blocking on purpose: it runs on the test thread, never on an event loop.
 */
public final class SimControl {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public SimControl(String baseUrl) {
    this.base = baseUrl;
  }

  public String baseUrl() {
    return base;
  }

  public JsonNode world() {
    return get("/_sim/world");
  }

  public JsonNode account(int index) {
    return world().path("accounts").get(index);
  }

  public JsonNode truth(String mediaId) {
    return get("/_sim/truth/media/" + mediaId);
  }

  public JsonNode stats() {
    return get("/_sim/stats");
  }

  public long calls() {
    return stats().path("calls").asLong();
  }

  public long callsTo(String endpoint) {
    return stats().path("by_endpoint").path(endpoint).asLong(0);
  }

  /** Sum of throttled answers over all codes. */
  public long throttles() {
    long sum = 0;
    for (JsonNode n : stats().path("throttles")) {
      sum += n.asLong();
    }
    return sum;
  }

  public long errors(String codeKey) {
    return stats().path("errors").path(codeKey).asLong(0);
  }

  public JsonNode fault(String json) {
    return send("POST", "/_sim/faults", json);
  }

  public void clearFaults() {
    send("DELETE", "/_sim/faults", null);
  }

  public JsonNode advance(java.time.Duration by) {
    return send("POST", "/_sim/clock", "{\"advance\":\"" + by + "\"}");
  }

  public java.time.Instant now() {
    return java.time.Instant.parse(get("/_sim/clock").path("now").asText());
  }

  private JsonNode get(String path) {
    return send("GET", path, null);
  }

  private JsonNode send(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            method + " " + path + " -> " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
