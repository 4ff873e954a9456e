package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.kafka.WithKafka;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.registry.WithRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The whole Kafka cluster down for 90 s while the collector discovers: the collector stops being
 * ready once a transaction has waited on the brokers 10 s, but stays live (it can recover, so
 * nothing should restart it), and once the brokers are back it resumes by itself (the transaction
 * that timed out aborted and its media found again, the accounts group joined again) and its output
 * is the ground truth exactly once. A 3-broker cluster of its own, so the JVM's shared broker stays
 * up for the other tests. Accounts 32–37 of the shared simulator.
 */
@WithKafka(brokers = 3)
@WithRegistry
@WithSimulator
class BrokerOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(90);

  @Test
  void shouldResumeByItselfAfterTheWholeClusterWasDownAndEmitTheTruthExactlyOnce(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    List<Integer> indexes = List.of(32, 33, 34, 35, 36, 37);
    String tag = sim.world().hashtags().name(3);
    GroundTruth truth = new GroundTruth(sim.world());
    long now = sim.clock().nowEpochSecond();
    Set<SeenKey> expected = new HashSet<>();
    Set<String> accounts = new HashSet<>();
    for (int i : indexes) {
      expected.addAll(truth.all(i, i == 32 ? List.of(tag) : List.of(), now));
      accounts.add(GroundTruth.account(sim.world(), i));
    }
    String faults = sim.baseUrl() + "/_sim/faults";
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "outage-it");
        OutputTap tap = harness.tap(accounts)) {
      // Slow answers, so that the outage lands while discovery is still going on.
      Http.post(
          faults,
          "{\"kind\":\"latency\",\"endpoint\":\"*\",\"rate\":1.0,\"delay_ms\":500}",
          Map.of());
      CollectorService collector = harness.start("o1");
      String health = "http://127.0.0.1:" + collector.managementPort() + "/health/";
      for (int i : indexes) {
        harness.register(i, i == 32 ? List.of(tag) : List.of());
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> tap.keys().size() >= expected.size() / 4);

      long down = System.nanoTime();
      kafka.stopAllBrokers();
      int beforeOutage = tap.keys().size();
      // Live for the whole outage (a restart would not help: the broker is what is missing), and
      // the first moment it says it is not ready.
      AtomicLong notReadyAfterMs = new AtomicLong(-1);
      Duration left = OUTAGE.minusNanos(System.nanoTime() - down);
      await()
          .during(left)
          .atMost(left.plusSeconds(10))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (notReadyAfterMs.get() < 0 && Http.get(health + "ready").statusCode() == 503) {
                  notReadyAfterMs.set((System.nanoTime() - down) / 1_000_000);
                }
                return Http.get(health + "live").statusCode() == 200;
              });
      Http.delete(faults);

      long up = System.nanoTime();
      kafka.startAllBrokers();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> Http.get(health + "ready").statusCode() == 200);
      long readyAfterMs = (System.nanoTime() - up) / 1_000_000;
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> new HashSet<>(tap.keys()).containsAll(expected));
      long completeAfterMs = (System.nanoTime() - up) / 1_000_000;
      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(10))
          .until(() -> tap.keys().size() == expected.size());

      assertThat(beforeOutage).isLessThan(expected.size());
      assertThat(notReadyAfterMs.get()).as("not ready during the outage").isPositive();
      assertThat(tap.keys()).doesNotHaveDuplicates();
      assertThat(new HashSet<>(tap.keys())).isEqualTo(expected);
      System.out.printf(
          "outage: %d media to discover, %d emitted before the %d s outage, not ready %d ms into"
              + " it, live throughout; after the brokers came back: ready in %d ms, all %d emitted"
              + " in %d ms, 0 duplicates, 0 missing%n",
          expected.size(),
          beforeOutage,
          OUTAGE.toSeconds(),
          notReadyAfterMs.get(),
          readyAfterMs,
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
