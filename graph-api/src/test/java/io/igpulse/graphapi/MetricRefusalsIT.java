package io.igpulse.graphapi;

import static io.igpulse.graphapi.ClientFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.graphapi.metrics.RetiredMetrics;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.model.MediaKind;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.version.ApiVersion;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.api.InsightRules;
import io.igpulse.simulator.api.RefusalWording;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Self-healing against each refusal wording over HTTP: the simulator retires {@code reposts} (which
 * the catalog asks every reel for) and words the refusal one way; the client must learn it for
 * REELS on its version, read the rest equal to the ground truth, and pay nothing on later reads.
 * Each test starts a simulator of its own, since the wording is the simulator's configuration.
 */
class MetricRefusalsIT {

  private static final int ACCOUNT = 1;

  private static Simulator start(RefusalWording wording, Set<String> retired) {
    return Simulator.start(
        SimulatorConfig.of(7, 3)
            .withInsightRules(
                InsightRules.defaults().withRefusalWording(wording).withRetiredMetrics(retired)));
  }

  private static List<Media> reels(
      ClientFixture fixture, SimControl sim, AccessToken token, String ig) {
    Instant settled = sim.now().minus(Duration.ofHours(1));
    List<Media> found =
        await(fixture.client.media(token, ig, 300)).value().stream()
            .filter(m -> m.kind() == MediaKind.REELS)
            .filter(m -> GraphClientIT.parse(m.timestamp()).isBefore(settled))
            .limit(3)
            .toList();
    assertThat(found).hasSize(3);
    return found;
  }

  @ParameterizedTest
  @EnumSource(
      value = RefusalWording.class,
      names = {"NAMED", "INDEXED", "NO_LONGER_SUPPORTED", "UNNAMED"})
  void shouldLearnARefusedMetricInEveryWordingAndReadTheRestAsTheTruth(RefusalWording wording) {
    try (Simulator simulator = start(wording, Set.of("reposts"));
        ClientFixture fixture = new ClientFixture(simulator.baseUrl())) {
      SimControl sim = new SimControl(simulator.baseUrl());
      AccessToken token = AccessToken.of(sim.account(ACCOUNT).path("token").asText());
      String ig = sim.account(ACCOUNT).path("ig_user_id").asText();
      List<Media> reels = reels(fixture, sim, token, ig);

      GraphResult<MediaInsights> first =
          await(fixture.client.mediaInsights(token, ig, reels.get(0).id(), MediaKind.REELS));
      long failedAfterFirst = sim.errors("100");

      assertThat(first.isSuccess()).as(wording + ": " + first).isTrue();
      assertThat(first.value().values().get("reach"))
          .isEqualTo(sim.truth(reels.get(0).id()).path("lifetime").path("reach").asLong());
      assertThat(first.value().values())
          .doesNotContainKey("reposts")
          .containsKey("reels_skip_rate");
      assertThat(fixture.client.retiredMetrics().entries())
          .containsExactly(new RetiredMetrics.Entry("REELS", ApiVersion.DEFAULT, "reposts"));
      // A named refusal costs one failed call; an unnamed one that and the refused halves.
      assertThat(failedAfterFirst).isEqualTo(wording == RefusalWording.UNNAMED ? 3 : 1);

      for (Media next : reels.subList(1, reels.size())) {
        assertThat(
                await(fixture.client.mediaInsights(token, ig, next.id(), MediaKind.REELS))
                    .isSuccess())
            .isTrue();
      }
      assertThat(sim.errors("100")).isEqualTo(failedAfterFirst);
    }
  }

  @Test
  void shouldDropEveryMetricOutsideTheAllowedListAfterOneFailedCall() {
    try (Simulator simulator = start(RefusalWording.INDEXED, Set.of("reposts", "shares"));
        ClientFixture fixture = new ClientFixture(simulator.baseUrl())) {
      SimControl sim = new SimControl(simulator.baseUrl());
      AccessToken token = AccessToken.of(sim.account(ACCOUNT).path("token").asText());
      String ig = sim.account(ACCOUNT).path("ig_user_id").asText();
      Media reel = reels(fixture, sim, token, ig).get(0);

      GraphResult<MediaInsights> read =
          await(fixture.client.mediaInsights(token, ig, reel.id(), MediaKind.REELS));

      assertThat(read.isSuccess()).isTrue();
      assertThat(sim.errors("100")).isEqualTo(1);
      assertThat(fixture.client.retiredMetrics().entries())
          .containsExactlyInAnyOrder(
              new RetiredMetrics.Entry("REELS", ApiVersion.DEFAULT, "shares"),
              new RetiredMetrics.Entry("REELS", ApiVersion.DEFAULT, "reposts"));
    }
  }

  @Test
  void shouldHealBatchesAndListingsOnAnUnnamedRefusal() {
    try (Simulator simulator = start(RefusalWording.UNNAMED, Set.of("reposts"));
        ClientFixture fixture = new ClientFixture(simulator.baseUrl())) {
      SimControl sim = new SimControl(simulator.baseUrl());
      AccessToken token = AccessToken.of(sim.account(ACCOUNT).path("token").asText());
      String ig = sim.account(ACCOUNT).path("ig_user_id").asText();

      GraphResult<List<Media>> listed = await(fixture.client.mediaWithInsights(token, ig, 20));

      assertThat(listed.isSuccess()).as(String.valueOf(listed)).isTrue();
      Instant settled = sim.now().minus(Duration.ofHours(1));
      for (Media m : listed.value()) {
        if (GraphClientIT.parse(m.timestamp()).isBefore(settled) && m.insights().isPresent()) {
          assertThat(m.insights().get().values().get("reach"))
              .as(m.id())
              .isEqualTo(sim.truth(m.id()).path("lifetime").path("reach").asLong());
        }
      }
      assertThat(fixture.client.retiredMetrics().entries())
          .extracting(RetiredMetrics.Entry::metric)
          .containsOnly("reposts");
    }
  }
}
