package io.igpulse.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.HealthWatch;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.GatedRegistry;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The schema registry unreachable for 60 s under an aggregator that is counting: the schemas it
 * resolved before serve it meanwhile, so the snapshots sent during the outage are counted before
 * the registry returns, it stays live and ready, and every snapshot is counted exactly once.
 */
@WithInfrastructure
class AggregatorRegistryOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(60);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int ROUNDS = SnapshotRounds.ROUNDS;

  /** Rounds sent before the outage, during it (spread over it), and after it. */
  private static final int BEFORE = 4;

  private static final int DURING = 4;

  private final String id = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void shouldCountThroughARegistryOutageWithTheSchemasItHolds(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    AggregatorHarness direct = new AggregatorHarness(kafka, registry);
    SnapshotRounds load = new SnapshotRounds("registry-" + id, AggregatorHarness.nextBase());
    TopicReader trends = direct.mark(Topics.ACCOUNT_TRENDS);

    try (GatedRegistry gated = GatedRegistry.inFrontOf(registry);
        AggregatorService service =
            direct.start(
                new AggregatorHarness(kafka, gated).config("aggregator-registry-out-" + id))) {
      load.send(direct, 0, BEFORE);
      load.awaitCounted(direct, trends, BEFORE, WAIT);
      assertThat(gated.gate().accepted())
          .as("connections the aggregator made to the registry")
          .isPositive();

      long down = System.nanoTime();
      gated.gate().shut();
      AtomicInteger sentDuring = new AtomicInteger();
      HealthWatch health =
          HealthWatch.watch(
              service.managementPort(),
              down,
              OUTAGE,
              () -> {
                // One round 5 s into the outage and one every 15 s after.
                int next = sentDuring.get();
                long dueAt = down + Duration.ofSeconds(5 + 15L * next).toNanos();
                if (next < DURING && System.nanoTime() >= dueAt) {
                  load.send(direct, BEFORE + next, BEFORE + next + 1);
                  sentDuring.incrementAndGet();
                }
              });
      // Counted while the registry is still away: the rounds sent during the outage, the last one
      // 50 s into it, past the serdes' 30 s check period.
      load.awaitCounted(direct, trends, BEFORE + DURING, Duration.ofSeconds(30));
      long countedDuringMs = (System.nanoTime() - down) / 1_000_000;

      gated.gate().open();
      load.send(direct, BEFORE + DURING, ROUNDS);
      load.awaitCounted(direct, trends, ROUNDS, WAIT);

      assertThat(sentDuring.get()).isEqualTo(DURING);
      assertThat(health.liveThroughout()).as("live through the outage").isTrue();
      assertThat(health.readyThroughout()).as("ready through the outage").isTrue();
      System.out.printf(
          "registry outage: aggregator, %d snapshots (%d before the %d s outage, %d during it,"
              + " %d after), totals exact; those sent during it all counted by %d ms into it,"
              + " before the registry returned; live and ready throughout%n",
          SnapshotRounds.snapshots(0, ROUNDS),
          SnapshotRounds.snapshots(0, BEFORE),
          OUTAGE.toSeconds(),
          SnapshotRounds.snapshots(BEFORE, BEFORE + DURING),
          SnapshotRounds.snapshots(BEFORE + DURING, ROUNDS),
          countedDuringMs);
    }
  }
}
