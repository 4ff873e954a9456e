package io.igpulse.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.HealthWatch;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.kafka.WithKafka;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.registry.WithRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Brokers lost under an aggregator that is counting, on a 3-broker cluster of its own (the JVM's
 * shared broker stays up for the other tests).
 *
 * <ul>
 *   <li>The whole cluster down for 90 s: it says it is not ready once its brokers are silent, stays
 *       live (Kafka Streams waits and resumes by itself, nothing should restart it).
 *   <li>The broker leading most of its partitions down for 30 s: the others take over, and the
 *       snapshots sent meanwhile are counted before it returns; live (and ready) polled from the
 *       moment it goes.
 * </ul>
 *
 * Either way every snapshot sent before, during and after is counted exactly once.
 */
@WithKafka(brokers = 3)
@WithRegistry
class AggregatorOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(90);
  private static final Duration LEADER_LOSS = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int ROUNDS = SnapshotRounds.ROUNDS;

  /**
   * The cluster is this class's own: any past day will do, one for both tests (each new aggregator
   * reads every snapshot already sent, so stream time must not go back beyond the grace).
   */
  private static final Instant DAY =
      Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);

  @Test
  void shouldCountEverySnapshotOnceAcrossAWholeClusterOutage(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    SnapshotRounds load = new SnapshotRounds("outage", DAY);
    AggregatorHarness harness = new AggregatorHarness(kafka, registry);
    TopicReader trends = harness.mark(Topics.ACCOUNT_TRENDS);
    int half = ROUNDS / 2;

    try (AggregatorService service = harness.start(harness.config("aggregator-outage"))) {
      load.send(harness, 0, half);
      load.awaitCounted(harness, trends, half, WAIT);

      long down = System.nanoTime();
      kafka.stopAllBrokers();
      HealthWatch health = HealthWatch.watch(service.managementPort(), down, OUTAGE);

      long up = System.nanoTime();
      kafka.startAllBrokers();
      long readyAfterMs =
          HealthWatch.awaitReady(service.managementPort(), up, Duration.ofSeconds(120));
      load.send(harness, half, ROUNDS);
      load.awaitCounted(harness, trends, ROUNDS, WAIT);
      long countedAfterMs = (System.nanoTime() - up) / 1_000_000;

      assertThat(health.liveThroughout()).as("live through the outage").isTrue();
      assertThat(health.firstNotReadyMs()).as("not ready during the outage").isPositive();
      System.out.printf(
          "outage: aggregator, %d snapshots (%d before the %d s outage, %d after), totals exact;"
              + " not ready %d ms into it; live throughout; ready %d ms after the brokers"
              + " returned, all counted %d ms after%n",
          SnapshotRounds.snapshots(0, ROUNDS),
          SnapshotRounds.snapshots(0, half),
          OUTAGE.toSeconds(),
          SnapshotRounds.snapshots(half, ROUNDS),
          health.firstNotReadyMs(),
          readyAfterMs,
          countedAfterMs);
    }
  }

  @Test
  void shouldCountWhileTheBrokerLeadingMostOfItsPartitionsIsDown(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    SnapshotRounds load = new SnapshotRounds("leader", DAY);
    AggregatorHarness harness = new AggregatorHarness(kafka, registry);
    TopicReader trends = harness.mark(Topics.ACCOUNT_TRENDS);
    int before = 4;
    int during = 8;

    try (AggregatorService service = harness.start(harness.config("aggregator-leader"))) {
      load.send(harness, 0, before);
      load.awaitCounted(harness, trends, before, WAIT);

      int lost =
          kafka.busiestLeader(List.of(Topics.MEDIA_INSIGHTS.name(), Topics.ACCOUNT_TRENDS.name()));
      long down = System.nanoTime();
      kafka.stopBroker(lost);
      load.send(harness, before, during);
      HealthWatch health = HealthWatch.watch(service.managementPort(), down, LEADER_LOSS);
      // Counted while the broker is still down.
      load.awaitCounted(harness, trends, during, WAIT);

      kafka.startBroker(lost);
      load.send(harness, during, ROUNDS);
      load.awaitCounted(harness, trends, ROUNDS, WAIT);

      assertThat(health.liveThroughout()).as("live while the broker was down").isTrue();
      System.out.printf(
          "leader loss: aggregator, broker %d of 3 (leading most of its partitions) down %d s;"
              + " %d snapshots (%d before, %d sent while it was down and counted before it"
              + " returned, %d after), totals exact; live throughout, %s%n",
          lost,
          LEADER_LOSS.toSeconds(),
          SnapshotRounds.snapshots(0, ROUNDS),
          SnapshotRounds.snapshots(0, before),
          SnapshotRounds.snapshots(before, during),
          SnapshotRounds.snapshots(during, ROUNDS),
          health.readyThroughout()
              ? "ready throughout"
              : "not ready from " + health.firstNotReadyMs() + " ms");
    }
  }
}
