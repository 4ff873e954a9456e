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

  /**
   * Java's HttpClient asks every plain-HTTP request to upgrade to HTTP/2 (h2c); the server answers
   * in HTTP/1.1, whole. Over an upgraded connection a large scrape once arrived as garbage.
   */
  @Test
  void shouldAnswerAnUpgradeToCleartextHttp2InHttp11() throws Exception {
    PrometheusMeterRegistry metrics = Metrics.prometheus("test-service");
    for (int i = 0; i < 2_000; i++) {
      metrics.counter("igpulse_test_series", "n", Integer.toString(i)).increment();
    }
    ManagementServer server =
        await(
            ManagementServer.start(
                vertx, "127.0.0.1", 0, () -> Readiness.up(Map.of()), () -> true, metrics));

    java.net.http.HttpResponse<String> scrape =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_2)
            .build()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(scrape.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("igpulse_test_series_total{n=\"1999\"");
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
