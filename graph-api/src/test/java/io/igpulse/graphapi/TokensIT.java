package io.igpulse.graphapi;

import static io.igpulse.graphapi.ClientFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.graphapi.pacing.PacingClock;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.InMemoryTokenProvider;
import io.igpulse.graphapi.token.RefreshPolicy;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.simulator.WithSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Instagram-Login token refresh and appsecret_proof against the simulator. */
@WithSimulator
class TokensIT {

  @Test
  void shouldRefreshALongLivedTokenDueForRefreshAndKeepUsingIt(Simulator simulator) {
    SimControl sim = new SimControl(simulator.baseUrl());
    JsonNode account = sim.account(44);
    String ig = account.path("ig_user_id").asText();
    Instant expires = Instant.parse(account.path("token_expires").asText());
    AccessToken old =
        new AccessToken(
            account.path("token").asText(),
            Optional.of(sim.now().minus(Duration.ofDays(2))),
            Optional.of(expires));
    GraphApiConfig config = ClientFixture.config(sim.baseUrl());
    config =
        new GraphApiConfig(
            config.baseUrl(),
            Flavour.INSTAGRAM,
            config.version(),
            config.pacingTarget(),
            config.requestTimeout(),
            config.connectTimeout(),
            config.maxAttempts(),
            config.backoffBase(),
            config.backoffMax(),
            config.pageSize(),
            Optional.empty());
    try (ClientFixture fixture = new ClientFixture(config)) {
      InMemoryTokenProvider provider = new InMemoryTokenProvider(Map.of(ig, old), fixture.redactor);
      PacingClock simNow =
          new PacingClock() {
            @Override
            public Instant now() {
              return sim.now();
            }

            @Override
            public io.vertx.core.Future<Void> sleep(Duration d) {
              return io.vertx.core.Future.succeededFuture();
            }
          };
      RefreshPolicy alwaysDue = new RefreshPolicy(Duration.ofHours(24), Duration.ofDays(3650));
      AccessToken fresh =
          await(new TokenRefresher(fixture.client, provider, alwaysDue, simNow).tokenFor(ig))
              .orElseThrow();
      assertThat(fresh.value()).isNotEqualTo(old.value());
      assertThat(fresh.expiresAt())
          .hasValueSatisfying(e -> assertThat(e).isAfter(sim.now().plus(Duration.ofDays(59))));
      assertThat(provider.tokenFor(ig)).contains(fresh);
      assertThat(await(fixture.client.account(fresh, ig)).isSuccess()).isTrue();
    }
  }

  @Test
  void shouldSendAValidAppsecretProofWhenASecretIsConfigured(Simulator simulator) {
    SimControl sim = new SimControl(simulator.baseUrl());
    JsonNode account = sim.account(43);
    String secret = sim.world().path("app").path("secret").asText();
    try (ClientFixture right =
        new ClientFixture(ClientFixture.config(sim.baseUrl()).withAppSecret(secret))) {
      AccessToken token = AccessToken.of(account.path("token").asText());
      assertThat(
              await(right.client.account(token, account.path("ig_user_id").asText())).isSuccess())
          .isTrue();
    }
  }
}
