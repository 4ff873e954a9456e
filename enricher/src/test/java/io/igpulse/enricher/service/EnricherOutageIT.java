package io.igpulse.enricher.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.graphapi.version.ApiVersion;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.world.Media;
import io.igpulse.testkit.HealthWatch;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.kafka.WithKafka;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.registry.WithRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Brokers lost under an enricher with media due, on a 3-broker cluster of its own (the JVM's shared
 * broker stays up for the other tests), each test with a simulator world of its own.
 *
 * <ul>
 *   <li>The whole cluster down for 90 s: it says it is not ready once its brokers are silent, stays
 *       live, and once they are back it publishes every snapshot the schedule asked for.
 *   <li>The broker leading most of its partitions down for 30 s: the others take over, and the
 *       round that falls due meanwhile is published before it returns.
 * </ul>
 *
 * Either way each snapshot is published once and equal to the simulator's truth (the simulated
 * clock stands still, so a read repeated after an aborted transaction sees the same instant).
 */
@WithKafka(brokers = 3)
@WithRegistry
class EnricherOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(90);
  private static final Duration LEADER_LOSS = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofSeconds(120);

  /**
   * Each test draws its media from accounts of its own: a media id is made of its account and
   * ordinal whatever the seed, and each enricher reads every discovery already in the cluster.
   */
  private static final int WORLD_ACCOUNTS = 20;

  @Test
  void shouldPublishEveryDueSnapshotOnceAfterAWholeClusterOutage(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    try (Simulator sim = Simulator.start(SimulatorConfig.of(7L, WORLD_ACCOUNTS))) {
      EnricherHarness harness = new EnricherHarness(kafka, registry, sim);
      List<Media> media = harness.youngPostsOf(0, WORLD_ACCOUNTS / 2, 4, null);
      List<Instant> lookedAt = new ArrayList<>();
      try (EnricherService service =
          harness.start(harness.config("enricher-outage", ApiVersion.DEFAULT), media)) {
        TopicReader out = harness.mark(Topics.MEDIA_INSIGHTS);
        lookedAt.add(sim.clock().now());
        harness.discover(media);
        harness.awaitScheduled(out, media, lookedAt, WAIT);

        long down = System.nanoTime();
        kafka.stopAllBrokers();
        // Due while the brokers are away: read, but not publishable until they are back.
        harness.advance(Duration.ofMinutes(15));
        lookedAt.add(sim.clock().now());
        HealthWatch health = HealthWatch.watch(service.managementPort(), down, OUTAGE);

        long up = System.nanoTime();
        kafka.startAllBrokers();
        long readyAfterMs = HealthWatch.awaitReady(service.managementPort(), up, WAIT);
        harness.awaitScheduled(out, media, lookedAt, WAIT);
        long publishedAfterMs = (System.nanoTime() - up) / 1_000_000;
        harness.advance(Duration.ofMinutes(15));
        lookedAt.add(sim.clock().now());
        int snapshots = harness.awaitScheduledOnceAndTrue(out, media, lookedAt, WAIT);

        assertThat(health.liveThroughout()).as("live through the outage").isTrue();
        assertThat(health.firstNotReadyMs()).as("not ready during the outage").isPositive();
        System.out.printf(
            "outage: enricher, %d media, %d snapshots in all, each once and equal to the truth;"
                + " not ready %d ms into the %d s outage; live throughout; ready %d ms after the"
                + " brokers returned, the snapshots due meanwhile published %d ms after%n",
            media.size(),
            snapshots,
            health.firstNotReadyMs(),
            OUTAGE.toSeconds(),
            readyAfterMs,
            publishedAfterMs);
      }
    }
  }

  @Test
  void shouldPublishTheRoundDueWhileTheBrokerLeadingMostOfItsPartitionsIsDown(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    try (Simulator sim = Simulator.start(SimulatorConfig.of(7L, WORLD_ACCOUNTS))) {
      EnricherHarness harness = new EnricherHarness(kafka, registry, sim);
      List<Media> media = harness.youngPostsOf(WORLD_ACCOUNTS / 2, WORLD_ACCOUNTS, 4, null);
      List<Instant> lookedAt = new ArrayList<>();
      try (EnricherService service =
          harness.start(harness.config("enricher-leader", ApiVersion.DEFAULT), media)) {
        TopicReader out = harness.mark(Topics.MEDIA_INSIGHTS);
        lookedAt.add(sim.clock().now());
        harness.discover(media);
        harness.awaitScheduled(out, media, lookedAt, WAIT);

        int lost =
            kafka.busiestLeader(
                List.of(Topics.MEDIA_DISCOVERED.name(), Topics.MEDIA_INSIGHTS.name()));
        long down = System.nanoTime();
        kafka.stopBroker(lost);
        harness.advance(Duration.ofMinutes(15));
        lookedAt.add(sim.clock().now());
        HealthWatch health = HealthWatch.watch(service.managementPort(), down, LEADER_LOSS);
        // Published while the broker is still down (how long that takes depends on what the lost
        // broker led, so the wait may go on past the watch).
        harness.awaitScheduled(out, media, lookedAt, WAIT);
        long publishedAfterMs = (System.nanoTime() - down) / 1_000_000;

        kafka.startBroker(lost);
        harness.advance(Duration.ofMinutes(15));
        lookedAt.add(sim.clock().now());
        int snapshots = harness.awaitScheduledOnceAndTrue(out, media, lookedAt, WAIT);

        assertThat(health.liveThroughout()).as("live while the broker was down").isTrue();
        System.out.printf(
            "leader loss: enricher, broker %d of 3 (leading most of its partitions) down %d s; the"
                + " round due meanwhile published before it returned (checked %d ms after it"
                + " went); %d media, %d snapshots in all, each once and equal to the truth; live"
                + " throughout, %s%n",
            lost,
            LEADER_LOSS.toSeconds(),
            publishedAfterMs,
            media.size(),
            snapshots,
            health.readyThroughout()
                ? "ready throughout"
                : "not ready from " + health.firstNotReadyMs() + " ms");
      }
    }
  }
}
