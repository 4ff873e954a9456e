package io.igpulse.graphapi;

import static io.igpulse.graphapi.ClientFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.graphapi.model.IgAccount;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.simulator.WithSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every failure the simulator can inject, seen through the client's typed outcomes: transient
 * errors and resets are retried away, malformed bodies and revoked tokens are reported (retired
 * metrics: {@link MetricRefusalsIT}).
 */
@WithSimulator
class OutcomesIT {

  private static final int ACCOUNT = 7;
  private static SimControl sim;
  private static ClientFixture fixture;
  private static GraphClient client;
  private static AccessToken token;
  private static String ig;

  @BeforeAll
  static void connect(Simulator simulator) {
    sim = new SimControl(simulator.baseUrl());
    fixture = new ClientFixture(simulator.baseUrl());
    client = fixture.client;
    token = AccessToken.of(sim.account(ACCOUNT).path("token").asText());
    ig = sim.account(ACCOUNT).path("ig_user_id").asText();
  }

  @AfterEach
  void disarm() {
    sim.clearFaults();
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void shouldRetryTransientServerErrorsWithBackoff() {
    sim.fault("{\"kind\":\"error_500\",\"endpoint\":\"user\",\"count\":2}");
    long before = sim.callsTo("user");
    GraphResult<IgAccount> result = await(client.account(token, ig));
    assertThat(result.isSuccess()).isTrue();
    assertThat(fixture.client.metrics().count("igpulse.graph.retries", "endpoint", "user"))
        .isEqualTo(2);
    assertThat(
            fixture
                .client
                .metrics()
                .count("igpulse.graph.requests", "endpoint", "user", "outcome", "transient"))
        .isEqualTo(2);
  }

  @Test
  void shouldRetryAConnectionReset() {
    sim.fault("{\"kind\":\"connection_reset\",\"endpoint\":\"user_media\",\"count\":1}");
    GraphResult<List<Media>> result = await(client.media(token, ig, 10));
    assertThat(result.isSuccess()).isTrue();
    assertThat(result.value()).hasSize(10);
    assertThat(sim.stats().path("faults").path("connection_reset").asLong()).isPositive();
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptAsTransient() {
    sim.fault("{\"kind\":\"error_500\",\"endpoint\":\"user\",\"count\":10}");
    GraphResult<IgAccount> result = await(client.account(token, ig));
    assertThat(result.error()).isInstanceOf(GraphError.Transient.class);
  }

  @Test
  void shouldReportMalformedJsonWithoutRetrying() {
    sim.fault("{\"kind\":\"malformed_json\",\"endpoint\":\"user\",\"count\":1}");
    long before = sim.calls();
    GraphResult<IgAccount> result = await(client.account(token, ig));
    assertThat(result.error()).isInstanceOf(GraphError.Malformed.class);
    assertThat(sim.calls() - before).isEqualTo(1);
    assertThat(await(client.account(token, ig)).isSuccess()).isTrue();
  }

  @Test
  void shouldStopOnARevokedTokenWithoutRetrying() {
    JsonNode victim = sim.account(48);
    AccessToken revoked = AccessToken.of(victim.path("token").asText());
    sim.fault(
        "{\"kind\":\"revoke_token\",\"account\":\"" + victim.path("username").asText() + "\"}");
    long before = sim.calls();
    GraphResult<IgAccount> result =
        await(client.account(revoked, victim.path("ig_user_id").asText()));
    assertThat(result.error()).isInstanceOf(GraphError.AuthFailed.class);
    assertThat(((GraphError.AuthFailed) result.error()).code()).isEqualTo(190);
    assertThat(sim.calls() - before).isEqualTo(1);
  }
}
