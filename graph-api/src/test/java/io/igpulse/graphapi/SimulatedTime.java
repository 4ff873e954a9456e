package io.igpulse.graphapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpulse.graphapi.pacing.PacingClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A pacing clock that is the simulator's clock: instead of waiting, it advances the (frozen)
 * simulated time through {@code POST /_sim/clock}, so a simulated day of paced calls runs in
 * seconds while the simulator meters every call at the simulated instant it was made.
 */
final class SimulatedTime implements PacingClock {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final WebClient web;
  private final String base;
  private final AtomicReference<Instant> now;
  private volatile Duration slept = Duration.ZERO;

  SimulatedTime(Vertx vertx, SimControl sim) {
    this.web = WebClient.create(vertx);
    this.base = sim.baseUrl();
    this.now = new AtomicReference<>(sim.now());
  }

  @Override
  public Instant now() {
    return now.get();
  }

  Duration slept() {
    return slept;
  }

  @Override
  public Future<Void> sleep(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return Future.succeededFuture();
    }
    slept = slept.plus(d);
    return web.postAbs(base + "/_sim/clock")
        .sendBuffer(Buffer.buffer("{\"advance\":\"" + d + "\"}"))
        .map(
            response -> {
              try {
                now.set(Instant.parse(JSON.readTree(response.bodyAsString()).path("now").asText()));
              } catch (Exception e) {
                throw new IllegalStateException("bad clock answer", e);
              }
              return null;
            });
  }
}
