package io.igpulse.simulator.webhook;

import io.igpulse.simulator.api.Json;
import io.igpulse.simulator.api.auth.AppCredentials;
import io.igpulse.simulator.clock.SimClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends webhooks to one subscribed callback: verifies it with {@code hub.challenge} first, then on
 * every tick POSTs the events of the simulated time that passed, signed with {@code
 * X-Hub-Signature-256}.
 */
public final class WebhookDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
  private static final long TICK_MS = 250;

  private final Vertx vertx;
  private final HttpClient client;
  private final SimClock clock;
  private final AppCredentials app;
  private final WebhookEvents events;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile Subscription subscription;
  private long lastSec;
  private long timer = -1;

  /** Where to send, what to send, and for how many accounts. */
  public record Subscription(
      String callbackUrl, String verifyToken, Set<String> fields, int accounts) {}

  public WebhookDelivery(Vertx vertx, SimClock clock, AppCredentials app, WebhookEvents events) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient();
    this.clock = clock;
    this.app = app;
    this.events = events;
  }

  /** Verifies the callback; on success events start flowing from the current simulated instant. */
  public Future<Void> subscribe(Subscription wanted) {
    String challenge = Long.toString(clock.nowMillis() ^ 0x5ca1ab1eL);
    String url =
        wanted.callbackUrl()
            + (wanted.callbackUrl().contains("?") ? "&" : "?")
            + "hub.mode=subscribe&hub.challenge="
            + challenge
            + "&hub.verify_token="
            + URLEncoder.encode(wanted.verifyToken(), StandardCharsets.UTF_8);
    return client
        .request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url))
        .compose(request -> request.send())
        .compose(HttpClientResponse::body)
        .compose(
            body -> {
              if (!challenge.equals(body.toString().trim())) {
                return Future.failedFuture("callback did not echo hub.challenge");
              }
              subscription = wanted;
              lastSec = clock.nowEpochSecond();
              if (timer < 0) {
                timer = vertx.setPeriodic(TICK_MS, id -> tick());
              }
              LOG.info("webhooks verified for {} ({})", wanted.callbackUrl(), wanted.fields());
              return Future.succeededFuture();
            });
  }

  public long delivered() {
    return delivered.get();
  }

  public long failed() {
    return failed.get();
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    client.close();
  }

  private void tick() {
    Subscription current = subscription;
    long now = clock.nowEpochSecond();
    if (current == null || now <= lastSec) {
      return;
    }
    long from = lastSec;
    lastSec = now;
    List<WebhookEvent> batch = events.between(from, now, current.accounts(), current.fields());
    for (WebhookEvent event : batch) {
      send(current.callbackUrl(), Json.bytes(event.envelope()));
    }
  }

  private void send(String url, byte[] body) {
    client
        .request(
            new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Hub-Signature-256", "sha256=" + app.sign(body)))
        .compose(request -> request.send(Buffer.buffer(body)))
        .onSuccess(response -> (response.statusCode() < 300 ? delivered : failed).incrementAndGet())
        .onFailure(error -> failed.incrementAndGet());
  }
}
