package io.igpulse.graphapi;

import static io.igpulse.graphapi.ClientFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.graphapi.model.IgAccount;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.TokenRedactor;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.api.limits.RateLimitConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Pacing against the simulator's rate limiter. These tests need a small, fixed BUC budget and a
 * clock they alone move, so each starts a simulator of its own instead of the shared one.
 */
class RateLimitIT {

  private static Simulator start(long budget) {
    return Simulator.start(
        SimulatorConfig.of(7, 2).withLimits(RateLimitConfig.defaults().withBucCallsPer24h(budget)));
  }

  @Test
  void shouldNeverBeThrottledWhileUsingMostOfTheBudgetForASimulatedDay() {
    long budget = 400;
    try (Simulator simulator = start(budget)) {
      SimControl sim = new SimControl(simulator.baseUrl());
      Vertx vertx = Vertx.vertx();
      SimulatedTime time = new SimulatedTime(vertx, sim);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      GraphApiConfig config = ClientFixture.config(sim.baseUrl()).withPacingTarget(0.9);
      try (GraphClient client =
          GraphClient.create(vertx, config, registry, time, new TokenRedactor())) {
        AccessToken token = AccessToken.of(sim.account(0).path("token").asText());
        String ig = sim.account(0).path("ig_user_id").asText();
        Instant end = time.now().plus(Duration.ofHours(24));
        int callsInDay = 0;
        int failures = 0;
        double highestUsage = 0;
        while (time.now().isBefore(end)) {
          GraphResult<IgAccount> r = await(client.account(token, ig));
          if (!time.now().isAfter(end)) {
            callsInDay++;
          }
          if (!r.isSuccess()) {
            failures++;
          }
          Gauge usage = registry.find("igpulse.graph.usage").tag("scope", "business").gauge();
          if (usage != null) {
            highestUsage = Math.max(highestUsage, usage.value());
          }
        }
        assertThat(sim.throttles()).isZero();
        assertThat(failures).isZero();
        assertThat((double) callsInDay / budget)
            .isGreaterThanOrEqualTo(0.8)
            .isLessThanOrEqualTo(1.0);
        // The usage gauge showed the budget in use as the client saw it, at its peak.
        assertThat(highestUsage).isBetween(0.8, 1.0);
      } finally {
        await(vertx.close());
      }
    }
  }

  @Test
  void shouldStopUntilAccessIsRegainedWhenThrottled() throws Exception {
    long budget = 20;
    try (Simulator simulator = start(budget)) {
      SimControl sim = new SimControl(simulator.baseUrl());
      AccessToken token = AccessToken.of(sim.account(1).path("token").asText());
      String ig = sim.account(1).path("ig_user_id").asText();
      spendBudgetBehindTheClientsBack(sim, token, ig, budget);

      Vertx vertx = Vertx.vertx();
      SimulatedTime time = new SimulatedTime(vertx, sim);
      try (GraphClient client =
          GraphClient.create(
              vertx,
              ClientFixture.config(sim.baseUrl()),
              new SimpleMeterRegistry(),
              time,
              new TokenRedactor())) {
        GraphResult<IgAccount> throttled = await(client.account(token, ig));
        assertThat(throttled.error()).isInstanceOf(GraphError.Throttled.class);
        GraphError.Throttled t = (GraphError.Throttled) throttled.error();
        assertThat(t.code()).isEqualTo(80002);
        assertThat(t.retryAfter()).isPositive();

        GraphResult<IgAccount> after = await(client.account(token, ig));
        assertThat(after.isSuccess()).isTrue();
        assertThat(time.slept()).isGreaterThanOrEqualTo(t.retryAfter());
        assertThat(sim.throttles()).isEqualTo(1);
      } finally {
        await(vertx.close());
      }
    }
  }

  /** Another process using the same account's budget: plain HTTP, not the client. */
  private static void spendBudgetBehindTheClientsBack(
      SimControl sim, AccessToken token, String ig, long calls) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < calls; i++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v24.0/" + ig + "?fields=id"))
                  .header("Authorization", "Bearer " + token.value())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
    }
  }
}
