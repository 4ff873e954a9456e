package io.igpulse.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.api.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookIT {

  private static final String VERIFY_TOKEN = "let-me-in";

  /** One delivery as the callback saw it. */
  record Delivery(String signature, byte[] body) {}

  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final List<String> verifications = new CopyOnWriteArrayList<>();
  private HttpServer callback;
  private Simulator sim;

  @BeforeEach
  void start() throws IOException {
    callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    callback.createContext("/hook", this::receive);
    callback.start();
    sim = Simulator.start(SimulatorConfig.of(42, 30));
  }

  @AfterEach
  void stop() {
    sim.close();
    callback.stop(0);
  }

  @Test
  void shouldVerifyTheCallbackThenPostSignedStoryInsightsAsStoriesExpire() {
    String url = "http://127.0.0.1:" + callback.getAddress().getPort() + "/hook";

    var subscribed =
        Http.postJson(
            sim.baseUrl() + "/_sim/webhooks",
            "{\"callback_url\":\""
                + url
                + "\",\"verify_token\":\""
                + VERIFY_TOKEN
                + "\",\"fields\":[\"story_insights\",\"mentions\"]}");
    assertThat(subscribed.statusCode()).isEqualTo(200);
    assertThat(verifications).hasSize(1);
    assertThat(verifications.get(0))
        .contains("hub.mode=subscribe")
        .contains("hub.verify_token=" + VERIFY_TOKEN);

    sim.advance(Duration.ofHours(25));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> deliveries.stream().anyMatch(d -> field(d).equals("story_insights")));
    String secret = sim.config().api().app().appSecret();
    for (Delivery delivery : deliveries) {
      assertThat(delivery.signature())
          .isEqualTo("sha256=" + sim.config().api().app().sign(delivery.body()));
      assertThat(secret).isNotBlank();
    }
    JsonNode envelope = Json.parse(new String(deliveries.get(0).body(), StandardCharsets.UTF_8));
    assertThat(envelope.get("object").asText()).isEqualTo("instagram");
    assertThat(envelope.get("entry").get(0).get("changes").get(0).get("value").has("media_id"))
        .isTrue();
  }

  @Test
  void shouldRefuseACallbackThatDoesNotEchoTheChallenge() {
    String url = "http://127.0.0.1:" + callback.getAddress().getPort() + "/hook";

    var subscribed =
        Http.postJson(
            sim.baseUrl() + "/_sim/webhooks",
            "{\"callback_url\":\"" + url + "\",\"verify_token\":\"wrong\"}");

    assertThat(subscribed.statusCode()).isEqualTo(502);
    assertThat(Http.json(subscribed).get("subscribed").asBoolean()).isFalse();
  }

  private static String field(Delivery delivery) {
    return Json.parse(new String(delivery.body(), StandardCharsets.UTF_8))
        .get("entry")
        .get(0)
        .get("changes")
        .get(0)
        .get("field")
        .asText();
  }

  private void receive(HttpExchange exchange) throws IOException {
    byte[] answer;
    int status = 200;
    if (exchange.getRequestMethod().equals("GET")) {
      URI uri = exchange.getRequestURI();
      String query = uri.getQuery();
      verifications.add(query);
      String challenge = query.replaceAll(".*hub\\.challenge=([^&]*).*", "$1");
      boolean ok = query.contains("hub.verify_token=" + VERIFY_TOKEN);
      answer = (ok ? challenge : "no").getBytes(StandardCharsets.UTF_8);
      status = ok ? 200 : 403;
    } else {
      deliveries.add(
          new Delivery(
              exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"),
              exchange.getRequestBody().readAllBytes()));
      answer = new byte[0];
    }
    exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }
}
