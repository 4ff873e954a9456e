package io.igpulse.collector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.http.BoundedWork;
import io.igpulse.collector.metrics.CollectorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broker that does not acknowledge (a producer whose sends never complete until told) holds the
 * webhook route's one worker and one queue place; the next delivery is answered 503 with {@code
 * Retry-After} over real HTTP at once, counted, and the held ones succeed once Kafka answers.
 */
class WebhookBackpressureIT {

  private static final String SECRET = "backpressure-app-secret";
  private static final String BODY =
      "{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841400000000001\",\"changes\":[{\"field\":"
          + "\"comments\",\"value\":{\"id\":\"1\",\"media\":{\"id\":\"17900000004000001\"}}}]}]}";

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenEveryPlaceIsTakenAndCountIt() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CollectorMetrics metrics = new CollectorMetrics(meters);
    MockProducer<String, byte[]> slowBroker =
        new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    BoundedWork work =
        new BoundedWork(vertx, "webhooks", 1, 1, () -> metrics.httpRefused(WebhookRoutes.ROUTE));
    Router router = Router.router(vertx);
    new WebhookRoutes(
            work, Optional.of(SECRET), Optional.empty(), slowBroker, "webhooks-test", 6, metrics)
        .mount(router);
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    String url = "http://127.0.0.1:" + server.actualPort() + WebhookRoutes.PATH;

    CompletableFuture<HttpResponse<String>> running = deliver(url);
    CompletableFuture<HttpResponse<String>> queued = deliver(url);
    await().atMost(Duration.ofSeconds(10)).until(() -> work.inProgress() == 2);
    HttpResponse<String> refused = deliver(url).get(10, TimeUnit.SECONDS);
    double refusedCount =
        meters.get("igpulse.collector.http.refused").tag("route", "webhooks").counter().count();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              slowBroker.completeNext();
              return running.isDone() && queued.isDone();
            });

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).contains("5");
    assertThat(refused.body())
        .isEqualTo("{\"error\":\"too many requests in progress; retry later\"}");
    assertThat(refusedCount).isEqualTo(1.0);
    assertThat(running.get().statusCode()).isEqualTo(200);
    assertThat(queued.get().statusCode()).isEqualTo(200);
    assertThat(slowBroker.history()).hasSize(2);
    assertThat(
            meters.get("igpulse.collector.webhooks").tag("outcome", "accepted").counter().count())
        .isEqualTo(2.0);
  }

  private CompletableFuture<HttpResponse<String>> deliver(String url) {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", new WebhookSignature(SECRET).header(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
