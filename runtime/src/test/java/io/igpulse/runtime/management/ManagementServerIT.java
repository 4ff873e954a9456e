package io.igpulse.runtime.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManagementServerIT {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldAnswerLivenessReadinessAndMetricsOverHttp() throws Exception {
    PrometheusMeterRegistry metrics = Metrics.prometheus("test-service");
    metrics.counter("igpulse_test_events").increment(3);
    AtomicBoolean ready = new AtomicBoolean(false);
    AtomicBoolean alive = new AtomicBoolean(true);
    ManagementServer server =
        await(
            ManagementServer.start(
                vertx,
                "127.0.0.1",
                0,
                () ->
                    ready.get()
                        ? Readiness.up(Map.of("consumer", "ASSIGNED"))
                        : Readiness.down(Map.of("consumer", "STARTING")),
                alive::get,
                metrics));
    WebClient client = WebClient.create(vertx);

    HttpResponse<Buffer> live =
        await(client.get(server.port(), "127.0.0.1", "/health/live").send());
    HttpResponse<Buffer> notReady =
        await(client.get(server.port(), "127.0.0.1", "/health/ready").send());
    ready.set(true);
    HttpResponse<Buffer> nowReady =
        await(client.get(server.port(), "127.0.0.1", "/health/ready").send());
    HttpResponse<Buffer> scrape = await(client.get(server.port(), "127.0.0.1", "/metrics").send());
    alive.set(false);
    HttpResponse<Buffer> dead =
        await(client.get(server.port(), "127.0.0.1", "/health/live").send());

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(dead.statusCode()).as("a service that cannot recover").isEqualTo(503);
    assertThat(dead.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.bodyAsJsonObject().getString("consumer")).isEqualTo("STARTING");
    assertThat(nowReady.statusCode()).isEqualTo(200);
    assertThat(nowReady.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    assertThat(scrape.bodyAsString())
        .contains("igpulse_test_events_total{service=\"test-service\"} 3.0");
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
