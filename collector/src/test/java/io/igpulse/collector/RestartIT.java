package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A collector that dies mid-run (its open transaction neither committed nor aborted) and comes
 * back: what it emitted before is not emitted again, and what it had not emitted yet is, so the
 * output is the ground truth exactly once. Accounts 10–15 of the shared simulator.
 */
@WithInfrastructure
@WithSimulator
class RestartIT {

  @Test
  void shouldEmitNeitherDuplicatesNorGapsAcrossACrashAndRestart(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    List<Integer> indexes = List.of(10, 11, 12, 13, 14, 15);
    String tag = sim.world().hashtags().name(1);
    GroundTruth truth = new GroundTruth(sim.world());
    long now = sim.clock().nowEpochSecond();
    Set<SeenKey> expected = new HashSet<>();
    Set<String> accounts = new HashSet<>();
    for (int i : indexes) {
      expected.addAll(truth.all(i, i == 10 ? List.of(tag) : List.of(), now));
      accounts.add(GroundTruth.account(sim.world(), i));
    }
    String faults = sim.baseUrl() + "/_sim/faults";
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "restart-it");
        OutputTap tap = harness.tap(accounts)) {
      // Slow answers so that the crash lands while discovery is still going on.
      Http.post(
          faults,
          "{\"kind\":\"latency\",\"endpoint\":\"*\",\"rate\":1.0,\"delay_ms\":150}",
          Map.of());
      CollectorService first = harness.start("r1");
      for (int i : indexes) {
        harness.register(i, i == 10 ? List.of(tag) : List.of());
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> tap.keys().size() >= expected.size() / 4);
      first.halt();
      int beforeRestart = tap.keys().size();
      assertThat(beforeRestart).isLessThan(expected.size());
      Http.delete(faults);

      harness.start("r1");
      tap.awaitExactly(expected, System.nanoTime());
      for (int i : indexes) {
        harness.deactivate(i);
      }
    } finally {
      Http.delete(faults);
    }
  }
}
