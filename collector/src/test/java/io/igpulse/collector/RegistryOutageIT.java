package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.GatedRegistry;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The schema registry unreachable for 60 s while the collector discovers: the schemas it already
 * resolved serve it meanwhile, so discovery goes on through the outage, the collector stays live,
 * and its output is the ground truth exactly once. Accounts 16–19, 38 and 39 of the shared
 * simulator.
 */
@WithInfrastructure
@WithSimulator
class RegistryOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(60);

  @Test
  void shouldKeepDiscoveringThroughARegistryOutageAndEmitTheTruthExactlyOnce(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    List<Integer> indexes = List.of(16, 17, 18, 19, 38, 39);
    String tag = sim.world().hashtags().name(4);
    GroundTruth truth = new GroundTruth(sim.world());
    long now = sim.clock().nowEpochSecond();
    Set<SeenKey> expected = new HashSet<>();
    Set<String> accounts = new HashSet<>();
    for (int i : indexes) {
      expected.addAll(truth.all(i, i == 16 ? List.of(tag) : List.of(), now));
      accounts.add(GroundTruth.account(sim.world(), i));
    }
    String faults = sim.baseUrl() + "/_sim/faults";
    try (GatedRegistry gated = GatedRegistry.inFrontOf(registry);
        CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "registry-out-it");
        OutputTap tap = harness.tap(accounts)) {
      // Slow answers, so that discovery lasts longer than the outage.
      Http.post(
          faults,
          "{\"kind\":\"latency\",\"endpoint\":\"*\",\"rate\":1.0,\"delay_ms\":3000}",
          Map.of());
      CollectorService collector = harness.start("g1", Map.of("IGPULSE_REGISTRY_URL", gated.url()));
      String health = "http://127.0.0.1:" + collector.managementPort() + "/health/";
      for (int i : indexes) {
        harness.register(i, i == 16 ? List.of(tag) : List.of());
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> tap.keys().size() >= expected.size() / 5);

      assertThat(gated.gate().accepted())
          .as("connections the collector made to the registry")
          .isPositive();
      long down = System.nanoTime();
      gated.gate().shut();
      int beforeOutage = tap.keys().size();
      AtomicBoolean everNotReady = new AtomicBoolean();
      AtomicInteger atHalfTime = new AtomicInteger(-1);
      Duration left = OUTAGE.minusNanos(System.nanoTime() - down);
      await()
          .during(left)
          .atMost(left.plusSeconds(10))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (atHalfTime.get() < 0 && System.nanoTime() - down > OUTAGE.toNanos() / 2) {
                  atHalfTime.set(tap.keys().size());
                }
                if (Http.get(health + "ready").statusCode() != 200) {
                  everNotReady.set(true);
                }
                return Http.get(health + "live").statusCode() == 200;
              });
      int duringOutage = tap.keys().size() - beforeOutage;
      int secondHalf = tap.keys().size() - atHalfTime.get();
      Http.delete(faults);

      long up = System.nanoTime();
      gated.gate().open();
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> new HashSet<>(tap.keys()).containsAll(expected));
      long completeAfterMs = (System.nanoTime() - up) / 1_000_000;
      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(10))
          .until(() -> tap.keys().size() == expected.size());

      // The second half is past the serdes' 30 s check period: the schemas they hold must still
      // serve.
      assertThat(secondHalf).as("emitted in the outage's second half").isPositive();
      assertThat(tap.keys()).doesNotHaveDuplicates();
      assertThat(new HashSet<>(tap.keys())).isEqualTo(expected);
      System.out.printf(
          "registry outage: %d media to discover, %d emitted before the %d s outage, %d during"
              + " it (%d in its second half), live throughout, %s; all %d emitted %d ms after the registry came back,"
              + " 0 duplicates, 0 missing%n",
          expected.size(),
          beforeOutage,
          OUTAGE.toSeconds(),
          duringOutage,
          secondHalf,
          everNotReady.get() ? "not ready at times" : "ready throughout",
          expected.size(),
          completeAfterMs);
      for (int i : indexes) {
        harness.deactivate(i);
      }
    } finally {
      Http.delete(faults);
    }
  }
}
