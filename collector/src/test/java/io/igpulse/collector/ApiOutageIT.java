package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.testkit.HealthWatch;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Graph API answering every call with a transient 500 for 30 s while the collector discovers:
 * it backs off instead of retrying at once, stays live and ready (the API, not the collector, is
 * what is missing, and restarting would not help), and once the API answers again it finishes
 * discovery by itself, the ground truth exactly once. A simulator of its own, accounts 56–61:
 * beyond the shared world's and CollectorCrashIT's.
 */
@WithInfrastructure
class ApiOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final List<Integer> INDEXES = List.of(56, 57, 58, 59, 60, 61);

  @Test
  void shouldBackOffThroughAnApiOutageAndFinishDiscoveryAfterIt(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    try (Simulator sim = Simulator.start(SimulatorConfig.of(13L, 62));
        CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "api-out-" + id)) {
      String tag = sim.world().hashtags().name(6);
      GroundTruth truth = new GroundTruth(sim.world());
      Set<SeenKey> expected = truth.all(INDEXES, tag, sim.clock().nowEpochSecond());
      String faults = sim.baseUrl() + "/_sim/faults";
      try (OutputTap tap = harness.tap(truth.accounts(INDEXES))) {
        // Slow answers, so that the outage lands while discovery is still going on.
        Http.post(
            faults,
            "{\"kind\":\"latency\",\"endpoint\":\"*\",\"rate\":1.0,\"delay_ms\":500}",
            Map.of());
        CollectorService collector = harness.start("a1");
        for (int i : INDEXES) {
          harness.register(i, i == 56 ? List.of(tag) : List.of());
        }
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> tap.keys().size() >= expected.size() / 4);

        Http.delete(faults);
        Http.post(faults, "{\"kind\":\"error_500\",\"endpoint\":\"*\",\"rate\":1.0}", Map.of());
        long down = System.nanoTime();
        long callsBefore = refused(sim);
        int beforeOutage = tap.keys().size();
        HealthWatch health = HealthWatch.watch(collector.managementPort(), down, OUTAGE);
        long callsDuring = refused(sim) - callsBefore;
        Http.delete(faults);

        long completeAfterMs = tap.awaitExactly(expected, System.nanoTime());

        assertThat(beforeOutage).isLessThan(expected.size());
        assertThat(callsDuring).as("calls refused during the outage").isPositive();
        assertThat(health.liveThroughout()).as("live through the outage").isTrue();
        assertThat(health.readyThroughout()).as("ready through the outage").isTrue();
        // Each of 6 accounts' 5 schedules makes at most 2 attempts per failed round and waits at
        // least the harness's 0.5 s backoff base before the next: 120 calls a second at most. A
        // client retrying at once would make thousands.
        assertThat(callsDuring / (double) OUTAGE.toSeconds())
            .as("calls a second during the outage")
            .isLessThan(6 * 5 * 2 / 0.5);
        System.out.printf(
            "api outage: collector, %d media to discover, %d emitted before the %d s outage;"
                + " %d calls during it (%.1f a second), each answered 500; live and ready"
                + " throughout; all %d emitted %d ms after the API answered again, 0 duplicates,"
                + " 0 missing%n",
            expected.size(),
            beforeOutage,
            OUTAGE.toSeconds(),
            callsDuring,
            callsDuring / (double) OUTAGE.toSeconds(),
            expected.size(),
            completeAfterMs);
        for (int i : INDEXES) {
          harness.deactivate(i);
        }
      }
    }
  }

  /** Calls the simulator has answered with an injected 500 so far. */
  private static long refused(Simulator sim) {
    return sim.stats().toJson().path("faults").path("error_500").asLong(0);
  }
}
