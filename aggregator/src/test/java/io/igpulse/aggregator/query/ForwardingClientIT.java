package io.igpulse.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The forwarding client against owners over real sockets: one that answers, and one that accepts
 * the request and never answers, which must fail within the request timeout instead of holding the
 * query open.
 */
class ForwardingClientIT {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpServer owner(boolean answers) throws Exception {
    return vertx
        .createHttpServer()
        .requestHandler(
            request -> {
              if (answers) {
                request.response().end("from owner, forwarded by " + request.getHeader("X-F"));
              }
            })
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static <T> CompletableFuture<T> of(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture();
  }

  @Test
  void shouldForwardTheQueryWithItsHeader() throws Exception {
    HttpServer owner = owner(true);
    ForwardingClient client = new ForwardingClient(vertx);

    var response =
        of(client.get(new HostInfo("127.0.0.1", owner.actualPort()), "/api/x", "X-F", "self:1"))
            .get(10, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("from owner, forwarded by self:1");
  }

  @Test
  void shouldGiveUpOnASilentOwnerWithinTheRequestTimeout() throws Exception {
    HttpServer owner = owner(false);
    ForwardingClient client =
        new ForwardingClient(vertx, Duration.ofSeconds(2), Duration.ofMillis(300));
    long started = System.nanoTime();

    CompletableFuture<?> forwarded =
        of(client.get(new HostInfo("127.0.0.1", owner.actualPort()), "/api/x", "X-F", "self:1"));

    Throwable failure = null;
    try {
      forwarded.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      failure = e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("the forward to a silent owner never ended", e);
    }
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("timeout");
    assertThat(tookMs).isBetween(300L, 5_000L);
  }
}
