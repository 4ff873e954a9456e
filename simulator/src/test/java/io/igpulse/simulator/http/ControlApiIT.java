package io.igpulse.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.api.Json;
import io.igpulse.simulator.scenario.Scenario;
import io.igpulse.simulator.world.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ControlApiIT {

  private static Simulator sim;
  private static final String BURST_TAG = "photography";

  @BeforeAll
  static void start() {
    SimulatorConfig config = SimulatorConfig.of(42, 30);
    String scenario =
        "{\"bursts\":[{\"hashtag\":\""
            + BURST_TAG
            + "\",\"at\":\"+PT1H\",\"duration\":\"PT2H\",\"multiplier\":40}]}";
    sim = Simulator.start(config.withBursts(Scenario.parse(scenario, config.world().start())));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void clearFaults() {
    Http.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl() + "/_sim/faults"))
            .DELETE()
            .build());
  }

  @Test
  void shouldDescribeTheWorldWithIdsUsernamesTokensAndClock() {
    JsonNode world = Http.json(Http.get(sim.baseUrl() + "/_sim/world"));

    assertThat(world.get("accounts")).hasSize(30);
    Account first = sim.world().account(0);
    assertThat(world.get("accounts").get(0).get("ig_user_id").asText())
        .isEqualTo(Long.toString(first.igUserId()));
    assertThat(world.get("accounts").get(0).get("token").asText()).isEqualTo(first.token());
    assertThat(world.get("hashtags").get(0).get("name").asText()).isEqualTo("sunset");
    assertThat(world.get("clock").get("speed").asDouble()).isZero();
  }

  @Test
  void shouldAdvanceTheClockAndReportTrueTotalsEqualToTheApiAnswer() {
    Instant before = sim.clock().now();
    JsonNode clock =
        Http.json(Http.postJson(sim.baseUrl() + "/_sim/clock", "{\"advance\":\"PT2H\"}"));
    assertThat(Instant.parse(clock.get("now").asText())).isEqualTo(before.plusSeconds(7200));

    Account a = sim.world().account(2);
    JsonNode media =
        Http.json(
                Http.get(
                    sim.baseUrl()
                        + "/v24.0/"
                        + a.igUserId()
                        + "/media?fields=id,like_count&limit=1&access_token="
                        + a.token()))
            .get("data")
            .get(0);
    JsonNode truth =
        Http.json(Http.get(sim.baseUrl() + "/_sim/truth/media/" + media.get("id").asText()));

    assertThat(truth.get("lifetime").get("likes").asLong())
        .isEqualTo(media.get("like_count").asLong());
    assertThat(truth.get("lifetime").get("reach").asLong())
        .isGreaterThanOrEqualTo(truth.get("lifetime").get("total_interactions").asLong());
  }

  @Test
  void shouldRankTheScheduledBurstFirstInTheTrendTruth() {
    sim.clock().set(max(sim.clock().now(), sim.config().world().start().plusSeconds(2 * 3600)));

    JsonNode trends = Http.json(Http.get(sim.baseUrl() + "/_sim/truth/trends?window=PT1H&limit=5"));

    assertThat(trends.get("window").asText()).isEqualTo("PT1H");
    assertThat(trends.get("hashtags").get(0).get("name").asText()).isEqualTo(BURST_TAG);
    assertThat(trends.get("accounts").size()).isBetween(1, 5);
  }

  @Test
  void shouldInjectA500WithIsTransientForACountOfCalls() {
    Http.postJson(
        sim.baseUrl() + "/_sim/faults",
        "{\"kind\":\"error_500\",\"endpoint\":\"user\",\"count\":1}");
    Account a = sim.world().account(0);
    String url = sim.baseUrl() + "/v24.0/" + a.igUserId() + "?access_token=" + a.token();

    HttpResponse<String> first = Http.get(url);
    HttpResponse<String> second = Http.get(url);

    assertThat(first.statusCode()).isEqualTo(500);
    JsonNode error = Http.json(first).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(2);
    assertThat(error.get("is_transient").asBoolean()).isTrue();
    assertThat(second.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldInjectMalformedJsonSlowBodiesAndResets() throws IOException {
    Account a = sim.world().account(0);
    String url =
        sim.baseUrl()
            + "/v24.0/"
            + a.igUserId()
            + "?fields=id,username,followers_count&access_token="
            + a.token();
    String expected = Http.get(url).body();

    Http.postJson(
        sim.baseUrl() + "/_sim/faults",
        "{\"kind\":\"malformed_json\",\"endpoint\":\"user\",\"count\":1}");
    HttpResponse<String> malformed = Http.get(url);
    assertThat(malformed.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> Json.parse(malformed.body())).isInstanceOf(UncheckedIOException.class);

    Http.postJson(
        sim.baseUrl() + "/_sim/faults",
        "{\"kind\":\"slow_body\",\"endpoint\":\"user\",\"count\":1,\"delay_ms\":20}");
    assertThat(Http.get(url).body()).isEqualTo(expected);

    Http.postJson(
        sim.baseUrl() + "/_sim/faults",
        "{\"kind\":\"connection_reset\",\"endpoint\":\"user\",\"count\":1}");
    // A raw socket: HTTP clients retry an idempotent GET on a dropped connection and hide it.
    try (Socket socket = new Socket("127.0.0.1", sim.port())) {
      socket.setSoTimeout(10_000);
      String path = url.substring(sim.baseUrl().length());
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(Http.get(url).body()).isEqualTo(expected);
  }

  @Test
  void shouldRevokeTheCallersTokenAndCountCallsInStats() {
    Account a = sim.world().account(7);
    String url = sim.baseUrl() + "/v24.0/" + a.igUserId() + "/tags?access_token=" + a.token();
    Http.postJson(
        sim.baseUrl() + "/_sim/faults",
        "{\"kind\":\"revoke_token\",\"endpoint\":\"user_tags\",\"count\":1}");

    JsonNode first = Http.json(Http.get(url)).get("error");
    JsonNode second = Http.json(Http.get(url)).get("error");
    JsonNode stats = Http.json(Http.get(sim.baseUrl() + "/_sim/stats"));

    assertThat(first.get("error_subcode").asInt()).isEqualTo(460);
    assertThat(second.get("error_subcode").asInt()).isEqualTo(460);
    assertThat(stats.get("by_endpoint").get("user_tags").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(stats.get("errors").get("190/460").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(stats.get("faults").get("revoke_token").asLong()).isGreaterThanOrEqualTo(1);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
