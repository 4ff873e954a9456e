package io.igpulse.enricher.clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulator's clock, read from its {@code GET /_sim/clock}, for demos and tests where the
 * simulated Instagram runs faster than real time or is moved by hand: the schedule then follows the
 * same time as the answers it reads. Every reading is one loopback call, which is fine for the few
 * readings per round the enricher makes; production uses the system clock.
 */
public final class SimulatorClock extends Clock {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final URI clockUri;

  public SimulatorClock(String simulatorBaseUrl) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.clockUri = URI.create(simulatorBaseUrl.replaceAll("/+$", "") + "/_sim/clock");
  }

  @Override
  public Instant instant() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(clockUri).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      return Instant.parse(body.path("now").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the simulator clock at " + clockUri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the simulator clock", e);
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulator clock is UTC");
  }
}
