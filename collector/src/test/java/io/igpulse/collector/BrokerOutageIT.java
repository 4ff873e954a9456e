package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.HealthWatch;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.kafka.WithKafka;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.registry.WithRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Brokers lost while the collector discovers, on a 3-broker cluster of its own (the JVM's shared
 * broker stays up for the other tests); accounts 32–37 of the shared simulator, each test with its
 * own seen state.
 *
 * <ul>
 *   <li>The whole cluster down for 90 s: the collector stops being ready once a transaction has
 *       waited on the brokers 10 s, but stays live (it can recover, so nothing should restart it),
 *       and once the brokers are back it resumes by itself (the transaction that timed out aborted
 *       and its media found again, the accounts group joined again).
 *   <li>The broker leading most of its partitions down for 30 s: the others take over its
 *       partitions and discovery goes on.
 * </ul>
 *
 * Either way its output is the ground truth exactly once.
 */
@WithKafka(brokers = 3)
@WithRegistry
@WithSimulator
class BrokerOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(90);
  private static final Duration LEADER_LOSS = Duration.ofSeconds(30);
  private static final List<Integer> INDEXES = List.of(32, 33, 34, 35, 36, 37);

  @Test
  void shouldResumeByItselfAfterTheWholeClusterWasDownAndEmitTheTruthExactlyOnce(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    try (Discovery run = new Discovery(kafka, registry, sim, "outage-it")) {
      run.startAndAwaitAQuarter();

      long down = System.nanoTime();
      kafka.stopAllBrokers();
      int beforeOutage = run.tap.keys().size();
      HealthWatch health = HealthWatch.watch(run.managementPort(), down, OUTAGE);
      run.stopSlowingAnswers();

      long up = System.nanoTime();
      kafka.startAllBrokers();
      long readyAfterMs = HealthWatch.awaitReady(run.managementPort(), up, Duration.ofSeconds(120));
      long completeAfterMs = run.awaitTheTruthExactlyOnce(up);

      assertThat(beforeOutage).isLessThan(run.expected.size());
      assertThat(health.liveThroughout()).as("live through the outage").isTrue();
      assertThat(health.firstNotReadyMs()).as("not ready during the outage").isPositive();
      System.out.printf(
          "outage: %d media to discover, %d emitted before the %d s outage, not ready %d ms into"
              + " it, live throughout; after the brokers came back: ready in %d ms, all %d emitted"
              + " in %d ms, 0 duplicates, 0 missing%n",
          run.expected.size(),
          beforeOutage,
          OUTAGE.toSeconds(),
          health.firstNotReadyMs(),
          readyAfterMs,
          run.expected.size(),
          completeAfterMs);
    }
  }

  @Test
  void shouldKeepDiscoveringWhileTheBrokerLeadingMostOfItsPartitionsIsDown(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    try (Discovery run = new Discovery(kafka, registry, sim, "leader-it")) {
      run.startAndAwaitAQuarter();

      int lost =
          kafka.busiestLeader(
              List.of(
                  Topics.MEDIA_DISCOVERED.name(), Topics.ACCOUNTS.name(), run.harness.seenTopic()));
      long down = System.nanoTime();
      kafka.stopBroker(lost);
      int beforeLoss = run.tap.keys().size();
      AtomicLong firstAfterMs = new AtomicLong(-1);
      HealthWatch health =
          HealthWatch.watch(
              run.managementPort(),
              down,
              LEADER_LOSS,
              () -> {
                if (firstAfterMs.get() < 0 && run.tap.keys().size() > beforeLoss) {
                  firstAfterMs.set((System.nanoTime() - down) / 1_000_000);
                }
              });
      // How long the collector waits depends on what the lost broker led (partitions, group and
      // transaction coordinators): it may take longer than the watch, with the broker still down.
      await().atMost(Duration.ofSeconds(60)).until(() -> run.tap.keys().size() > beforeLoss);
      if (firstAfterMs.get() < 0) {
        firstAfterMs.set((System.nanoTime() - down) / 1_000_000);
      }
      int duringLoss = run.tap.keys().size() - beforeLoss;
      run.stopSlowingAnswers();

      long up = System.nanoTime();
      kafka.startBroker(lost);
      long completeAfterMs = run.awaitTheTruthExactlyOnce(up);

      assertThat(duringLoss).as("emitted while the broker was down").isPositive();
      assertThat(health.liveThroughout()).as("live while the broker was down").isTrue();
      System.out.printf(
          "leader loss: collector, broker %d of 3 (leading most of its partitions) down %d s; %d"
              + " media to discover, %d emitted before, %d while it was down (the first %d ms after"
              + " it went); live throughout, %s; all emitted %d ms after it returned, 0"
              + " duplicates, 0 missing%n",
          lost,
          LEADER_LOSS.toSeconds(),
          run.expected.size(),
          beforeLoss,
          duringLoss,
          firstAfterMs.get(),
          health.readyThroughout()
              ? "ready throughout"
              : "not ready from " + health.firstNotReadyMs() + " ms",
          completeAfterMs);
    }
  }

  /** One collector discovering accounts 32–37 slowly, its output tapped. */
  private static final class Discovery implements AutoCloseable {

    final CollectorHarness harness;
    final OutputTap tap;
    final Set<SeenKey> expected;
    private final String faults;
    private final String tag;
    private CollectorService collector;

    Discovery(KafkaCluster kafka, SchemaRegistry registry, Simulator sim, String group) {
      tag = sim.world().hashtags().name(3);
      GroundTruth truth = new GroundTruth(sim.world());
      expected = truth.all(INDEXES, tag, sim.clock().nowEpochSecond());
      faults = sim.baseUrl() + "/_sim/faults";
      harness = new CollectorHarness(kafka, registry, sim, group);
      tap = harness.tap(truth.accounts(INDEXES));
    }

    /** Starts with slow answers, so that the fault lands while discovery is still going on. */
    void startAndAwaitAQuarter() throws Exception {
      Http.post(
          faults,
          "{\"kind\":\"latency\",\"endpoint\":\"*\",\"rate\":1.0,\"delay_ms\":500}",
          Map.of());
      collector = harness.start("o1");
      for (int i : INDEXES) {
        harness.register(i, i == 32 ? List.of(tag) : List.of());
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> tap.keys().size() >= expected.size() / 4);
    }

    int managementPort() {
      return collector.managementPort();
    }

    void stopSlowingAnswers() throws Exception {
      Http.delete(faults);
    }

    /**
     * Waits for every expected key, then checks none came twice; the wait in ms since {@code t0}.
     */
    long awaitTheTruthExactlyOnce(long t0) {
      return tap.awaitExactly(expected, t0);
    }

    @Override
    public void close() throws Exception {
      try {
        for (int i : INDEXES) {
          harness.deactivate(i);
        }
      } finally {
        Http.delete(faults);
        tap.close();
        harness.close();
      }
    }
  }
}
