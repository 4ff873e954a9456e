package io.igpulse.enricher.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.enricher.config.EnricherConfig;
import io.igpulse.graphapi.version.ApiVersion;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.world.Media;
import io.igpulse.testkit.HealthWatch;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.GatedRegistry;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The schema registry unreachable for 60 s under an enricher with media due: the schemas it
 * resolved before serve it meanwhile, so the rounds that fall due during the outage (one past the
 * serdes' 30 s check period) are read and published before the registry returns, it stays live and
 * ready, and every snapshot is published once and equal to the simulator's truth.
 */
@WithInfrastructure
class EnricherRegistryOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(60);
  private static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * Accounts of its own world beyond those of the shared world (0–49) and of EnricherIT's (50–129):
   * media ids are made of account and ordinal whatever the seed, and the shared discovery topic
   * holds the other tests' media.
   */
  private static final int FIRST_ACCOUNT = 130;

  private static final int ACCOUNTS = 150;

  private final String id = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void shouldPublishEveryDueSnapshotThroughARegistryOutage(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    try (Simulator sim = Simulator.start(SimulatorConfig.of(7L, ACCOUNTS));
        GatedRegistry gated = GatedRegistry.inFrontOf(registry)) {
      EnricherHarness direct = new EnricherHarness(kafka, registry, sim);
      EnricherConfig config =
          new EnricherHarness(kafka, gated, sim)
              .config("enricher-registry-out-" + id, ApiVersion.DEFAULT);
      List<Media> media = direct.youngPostsOf(FIRST_ACCOUNT, ACCOUNTS, 4, null);
      List<Instant> lookedAt = new ArrayList<>();
      try (EnricherService service = direct.start(config, media)) {
        TopicReader out = direct.mark(Topics.MEDIA_INSIGHTS);
        lookedAt.add(sim.clock().now());
        direct.discover(media);
        direct.awaitScheduled(out, media, lookedAt, WAIT);
        assertThat(gated.gate().accepted())
            .as("connections the enricher made to the registry")
            .isPositive();

        long down = System.nanoTime();
        gated.gate().shut();
        AtomicInteger rounds = new AtomicInteger();
        HealthWatch health =
            HealthWatch.watch(
                service.managementPort(),
                down,
                OUTAGE,
                () -> {
                  // A round due 5 s and 35 s into the outage, the second past the 30 s check
                  // period.
                  int next = rounds.get();
                  long dueAt = down + Duration.ofSeconds(5 + 30L * next).toNanos();
                  if (next < 2 && System.nanoTime() >= dueAt) {
                    direct.advance(Duration.ofMinutes(15));
                    lookedAt.add(sim.clock().now());
                    rounds.incrementAndGet();
                  }
                });
        direct.awaitScheduled(out, media, lookedAt, Duration.ofSeconds(30));
        long publishedByMs = (System.nanoTime() - down) / 1_000_000;

        gated.gate().open();
        direct.advance(Duration.ofMinutes(15));
        lookedAt.add(sim.clock().now());
        int snapshots = direct.awaitScheduledOnceAndTrue(out, media, lookedAt, WAIT);

        assertThat(rounds.get()).isEqualTo(2);
        assertThat(health.liveThroughout()).as("live through the outage").isTrue();
        assertThat(health.readyThroughout()).as("ready through the outage").isTrue();
        System.out.printf(
            "registry outage: enricher, %d media, %d snapshots in all, each once and equal to the"
                + " truth; the 2 rounds due during the %d s outage published by %d ms into it,"
                + " before the registry returned; live and ready throughout%n",
            media.size(), snapshots, OUTAGE.toSeconds(), publishedByMs);
      }
    }
  }
}
