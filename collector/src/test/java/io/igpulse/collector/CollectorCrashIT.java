package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.process.ChildService;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The collector's jar in a child process, killed with SIGKILL mid-discovery (no shutdown hook, its
 * open transaction neither committed nor aborted), then started again with the same instance id:
 * the output is the ground truth exactly once. A simulator of its own, accounts 50–55: beyond the
 * shared world's, whose accounts the other ITs take.
 */
@WithInfrastructure
class CollectorCrashIT {

  private static final List<Integer> INDEXES = List.of(50, 51, 52, 53, 54, 55);

  @Test
  void shouldEmitTheTruthExactlyOnceAcrossASigkillAndRestart(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    Path log = Path.of("target", "collector-crash-" + id + ".log");
    try (Simulator sim = Simulator.start(SimulatorConfig.of(11L, 56));
        CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "crash-it-" + id)) {
      String tag = sim.world().hashtags().name(2);
      GroundTruth truth = new GroundTruth(sim.world());
      Set<SeenKey> expected = truth.all(INDEXES, tag, sim.clock().nowEpochSecond());
      Map<String, String> env = harness.env("k1", Map.of());
      try (OutputTap tap = harness.tap(truth.accounts(INDEXES))) {
        // Slow answers, so that the kill lands while discovery is still going on.
        Http.post(
            sim.baseUrl() + "/_sim/faults",
            "{\"kind\":\"latency\",\"endpoint\":\"*\",\"rate\":1.0,\"delay_ms\":500}",
            Map.of());
        int beforeKill;
        try (ChildService first = ChildService.start("collector", env, log)) {
          for (int i : INDEXES) {
            harness.register(i, i == 50 ? List.of(tag) : List.of());
          }
          await()
              .atMost(Duration.ofSeconds(90))
              .until(() -> tap.keys().size() >= expected.size() / 4);
          first.kill();
          beforeKill = tap.keys().size();
        }
        Http.delete(sim.baseUrl() + "/_sim/faults");
        assertThat(beforeKill).isLessThan(expected.size());

        long restarted = System.nanoTime();
        try (ChildService second = ChildService.start("collector", env, log)) {
          long completeAfterMs = tap.awaitExactly(expected, restarted);
          assertThat(second.alive()).isTrue();
          System.out.printf(
              "crash: collector, %d media to discover, %d emitted before the SIGKILL; all %d"
                  + " emitted %d ms after the restart (JVM start included), 0 duplicates,"
                  + " 0 missing%n",
              expected.size(), beforeKill, expected.size(), completeAfterMs);
        }
        for (int i : INDEXES) {
          harness.deactivate(i);
        }
      }
    }
  }
}
