package io.igpulse.graphapi;

import static io.igpulse.graphapi.ClientFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.model.MediaKind;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.version.ApiVersion;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.logs.LogCapture;
import io.igpulse.testkit.simulator.WithSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the client through everything that makes it talk (paging, retries, resets, malformed bodies,
 * revoked tokens, refused metrics, missing objects, an unreachable host) with an app secret
 * configured, captures every log event at every level and every outcome and exception, and checks
 * that no token and not the app secret appear anywhere — nor in any meter name or tag.
 */
@WithSimulator
class NoSecretsLeakIT {

  @Test
  void shouldNeverPrintATokenOrTheAppSecret(Simulator simulator) {
    SimControl sim = new SimControl(simulator.baseUrl());
    JsonNode world = sim.world();
    List<String> secrets = new ArrayList<>();
    secrets.add(world.path("app").path("secret").asText());
    secrets.add(world.path("system_user_token").asText());
    world.path("accounts").forEach(a -> secrets.add(a.path("token").asText()));

    LogCapture capture = LogCapture.install();
    List<Object> printed = new ArrayList<>();
    String appSecret = world.path("app").path("secret").asText();
    GraphApiConfig config = ClientFixture.config(sim.baseUrl()).withAppSecret(appSecret);
    try (ClientFixture fixture = new ClientFixture(config);
        ClientFixture v21 = new ClientFixture(config.withVersion(ApiVersion.parse("v21.0")));
        ClientFixture nowhere = new ClientFixture(config.withBaseUrl("http://127.0.0.1:1"))) {
      GraphClient client = fixture.client;
      JsonNode account = sim.account(45);
      AccessToken token = AccessToken.of(account.path("token").asText());
      String ig = account.path("ig_user_id").asText();
      printed.add(token);
      printed.add(config);

      printed.add(await(client.pages(AccessToken.of(world.path("system_user_token").asText()))));
      List<Media> media = await(client.media(token, ig, 200)).value();
      printed.add(await(client.mediaWithInsights(token, ig, 200)));
      sim.fault("{\"kind\":\"error_500\",\"endpoint\":\"user\",\"count\":9}");
      printed.add(await(client.account(token, ig)));
      sim.clearFaults();
      sim.fault("{\"kind\":\"malformed_json\",\"endpoint\":\"user\",\"count\":1}");
      printed.add(await(client.account(token, ig)));
      sim.fault("{\"kind\":\"connection_reset\",\"endpoint\":\"user_media\",\"count\":9}");
      printed.add(await(client.media(token, ig, 5)));
      sim.clearFaults();
      Media image =
          media.stream()
              .filter(m -> m.kind() == MediaKind.FEED_IMAGE)
              .filter(
                  m ->
                      GraphClientIT.parse(m.timestamp())
                          .isAfter(java.time.Instant.parse("2024-07-02T00:00:00Z")))
              .findFirst()
              .orElseThrow();
      printed.add(await(v21.client.mediaInsights(token, ig, image.id(), MediaKind.FEED_IMAGE)));
      printed.add(await(client.mediaInsights(token, ig, "17999999999999999", MediaKind.REELS)));
      printed.add(await(nowhere.client.account(token, ig)));
      JsonNode victim = sim.account(46);
      sim.fault(
          "{\"kind\":\"revoke_token\",\"account\":\"" + victim.path("username").asText() + "\"}");
      printed.add(
          await(
              client.account(
                  AccessToken.of(victim.path("token").asText()),
                  victim.path("ig_user_id").asText())));
      printed.add(await(client.refreshToken(AccessToken.of(victim.path("token").asText()))));
      // A batch spanning accounts carries their tokens in its body, led here by the revoked one.
      List<BatchReader.Target> targets = new ArrayList<>();
      targets.add(
          new BatchReader.Target(
              AccessToken.of(victim.path("token").asText()),
              victim.path("ig_user_id").asText(),
              image));
      media.stream().limit(3).forEach(m -> targets.add(new BatchReader.Target(token, ig, m)));
      sim.fault("{\"kind\":\"error_500\",\"endpoint\":\"batch\",\"count\":1}");
      printed.add(await(client.mediaInsightsBatch(targets)));
      sim.clearFaults();
      fixture.registry.getMeters().forEach(m -> printed.add(m.getId()));
      v21.registry.getMeters().forEach(m -> printed.add(m.getId()));
    } finally {
      capture.close();
    }

    List<String> texts = new ArrayList<>(capture.lines());
    printed.forEach(p -> texts.add(String.valueOf(p)));
    assertThat(capture.lines()).as("the run logged something").isNotEmpty();
    assertThat(texts).anyMatch(t -> t.contains("Transient"));
    assertThat(texts).anyMatch(t -> t.contains("AuthFailed"));
    for (String text : texts) {
      for (String secret : secrets) {
        assertThat(text).as("printed text").doesNotContain(secret);
      }
    }
  }
}
