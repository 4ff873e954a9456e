package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.HealthWatch;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.GatedRegistry;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The schema registry unreachable for 60 s while the collector discovers: the schemas it already
 * resolved serve it meanwhile, so discovery goes on through the outage (accounts registered during
 * it included), the collector stays live, and its output is the ground truth exactly once. Accounts
 * 16–19, 38 and 39 of the shared simulator.
 */
@WithInfrastructure
@WithSimulator
class RegistryOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(60);

  @Test
  void shouldKeepDiscoveringThroughARegistryOutageAndEmitTheTruthExactlyOnce(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    // Two accounts registered 35 s into the outage: their discovery is work that only starts
    // once the serdes' 30 s check period has gone by, whatever the pace of the others.
    List<Integer> early = List.of(16, 17, 18, 19);
    List<Integer> late = List.of(38, 39);
    String tag = sim.world().hashtags().name(4);
    GroundTruth truth = new GroundTruth(sim.world());
    long now = sim.clock().nowEpochSecond();
    Set<SeenKey> expected = new HashSet<>();
    Set<String> accounts = new HashSet<>();
    Set<String> lateAccounts = new HashSet<>();
    for (int i : indexes(early, late)) {
      expected.addAll(truth.all(i, i == 16 ? List.of(tag) : List.of(), now));
      accounts.add(GroundTruth.account(sim.world(), i));
      if (late.contains(i)) {
        lateAccounts.add(GroundTruth.account(sim.world(), i));
      }
    }
    String faults = sim.baseUrl() + "/_sim/faults";
    try (GatedRegistry gated = GatedRegistry.inFrontOf(registry);
        CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "registry-out-it");
        OutputTap tap = harness.tap(accounts)) {
      // Slow answers, so that the early accounts' discovery is still going on when the outage
      // begins.
      Http.post(
          faults,
          "{\"kind\":\"latency\",\"endpoint\":\"*\",\"rate\":1.0,\"delay_ms\":1000}",
          Map.of());
      CollectorService collector = harness.start("g1", Map.of("IGPULSE_REGISTRY_URL", gated.url()));
      for (int i : early) {
        harness.register(i, i == 16 ? List.of(tag) : List.of());
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> tap.keys().size() >= expected.size() / 5);

      assertThat(gated.gate().accepted())
          .as("connections the collector made to the registry")
          .isPositive();
      long down = System.nanoTime();
      gated.gate().shut();
      int beforeOutage = tap.keys().size();
      AtomicBoolean lateRegistered = new AtomicBoolean();
      HealthWatch health =
          HealthWatch.watch(
              collector.managementPort(),
              down,
              OUTAGE,
              () -> {
                if (!lateRegistered.get()
                    && System.nanoTime() - down > Duration.ofSeconds(35).toNanos()) {
                  for (int i : late) {
                    harness.register(i, List.of());
                  }
                  lateRegistered.set(true);
                }
              });
      int duringOutage = tap.keys().size() - beforeOutage;
      long lateDuringOutage =
          tap.keys().stream().filter(k -> lateAccounts.contains(k.account())).count();
      Http.delete(faults);

      long up = System.nanoTime();
      gated.gate().open();
      long completeAfterMs = tap.awaitExactly(expected, up);

      assertThat(lateDuringOutage)
          .as("emitted for the accounts registered 35 s into the outage, before it ended")
          .isPositive();
      assertThat(health.liveThroughout()).as("live through the outage").isTrue();
      System.out.printf(
          "registry outage: %d media to discover, %d emitted before the %d s outage, %d during"
              + " it (%d of the accounts registered 35 s into it), live throughout, %s; all %d emitted %d ms after the registry came back,"
              + " 0 duplicates, 0 missing%n",
          expected.size(),
          beforeOutage,
          OUTAGE.toSeconds(),
          duringOutage,
          lateDuringOutage,
          health.readyThroughout()
              ? "ready throughout"
              : "not ready from " + health.firstNotReadyMs() + " ms",
          expected.size(),
          completeAfterMs);
      for (int i : indexes(early, late)) {
        harness.deactivate(i);
      }
    } finally {
      Http.delete(faults);
    }
  }

  private static List<Integer> indexes(List<Integer> early, List<Integer> late) {
    List<Integer> all = new ArrayList<>(early);
    all.addAll(late);
    return all;
  }
}
