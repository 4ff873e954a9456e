package io.igpulse.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.simulator.api.Endpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {

  @Test
  void shouldFireCountedFaultsExactlyThatManyTimesOnTheirEndpointOnly() {
    Faults faults = new Faults(1);
    faults.add(FaultKind.ERROR_500, Endpoint.MEDIA_INSIGHTS, 0, 2, 0);

    assertThat(faults.decide(Endpoint.USER).isNone()).isTrue();
    assertThat(faults.decide(Endpoint.MEDIA_INSIGHTS).outcome().kind())
        .isEqualTo(FaultKind.ERROR_500);
    assertThat(faults.decide(Endpoint.MEDIA_INSIGHTS).outcome().kind())
        .isEqualTo(FaultKind.ERROR_500);
    assertThat(faults.decide(Endpoint.MEDIA_INSIGHTS).isNone()).isTrue();
    assertThat(faults.list()).isEmpty();
  }

  @Test
  void shouldFireRatedFaultsReproduciblyForTheSameSeed() {
    assertThat(draws(7)).isEqualTo(draws(7));
    assertThat(draws(7).stream().filter(b -> b).count()).isBetween(30L, 70L);
  }

  @Test
  void shouldAddLatencyOnTopOfAnOutcome() {
    Faults faults = new Faults(1);
    faults.add(FaultKind.LATENCY, null, 0, 1, 150);
    faults.add(FaultKind.MALFORMED_JSON, null, 0, 1, 0);

    Faults.Decision decision = faults.decide(Endpoint.MEDIA);

    assertThat(decision.latencyMs()).isEqualTo(150);
    assertThat(decision.outcome().kind()).isEqualTo(FaultKind.MALFORMED_JSON);
  }

  private static List<Boolean> draws(long seed) {
    Faults faults = new Faults(seed);
    faults.add(FaultKind.ERROR_500, null, 0.5, 0, 0);
    List<Boolean> fired = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      fired.add(!faults.decide(Endpoint.MEDIA).isNone());
    }
    return fired;
  }
}
