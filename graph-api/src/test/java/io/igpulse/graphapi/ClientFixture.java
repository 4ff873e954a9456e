package io.igpulse.graphapi;

import io.igpulse.graphapi.token.TokenRedactor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A client pointed at a simulator, with fast retries so fault tests finish quickly. */
public final class ClientFixture implements AutoCloseable {

  public final Vertx vertx = Vertx.vertx();
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final TokenRedactor redactor = new TokenRedactor();
  public final GraphClient client;

  public ClientFixture(String baseUrl) {
    this(config(baseUrl));
  }

  public ClientFixture(GraphApiConfig config) {
    this.client =
        GraphClient.create(
            vertx,
            config,
            registry,
            io.igpulse.graphapi.pacing.PacingClock.system(vertx),
            redactor);
  }

  public static GraphApiConfig config(String baseUrl) {
    return GraphApiConfig.defaults(Flavour.FACEBOOK)
        .withBaseUrl(baseUrl)
        .withRetries(4, Duration.ofMillis(20), Duration.ofMillis(200))
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2));
  }

  /** Waits for a client future from the test thread (never from an event loop). */
  public static <T> T await(Future<T> future) {
    try {
      CompletableFuture<T> f = future.toCompletionStage().toCompletableFuture();
      return f.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    await(vertx.close());
  }
}
