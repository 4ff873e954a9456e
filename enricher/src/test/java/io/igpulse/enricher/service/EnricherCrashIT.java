package io.igpulse.enricher.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.world.Media;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.process.ChildService;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A hard crash between reading the API and committing: the enricher's jar runs in a child process
 * and is killed with SIGKILL right after the simulator served a round's read, while the round's
 * snapshots and schedule updates sit in an open transaction. The restarted process must publish
 * each due snapshot exactly once: none lost with the aborted transaction, none twice.
 */
@WithInfrastructure
@WithSimulator
class EnricherCrashIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void shouldPublishEveryDueSnapshotExactlyOnceAcrossAHardKill(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    EnricherHarness harness = new EnricherHarness(kafka, registry, sim);
    List<Media> media = Youngest.posts(harness, 4, 4, null);
    String app = "enricher-crash-" + UUID.randomUUID().toString().substring(0, 8);
    Path state = ChildService.tempDir("enricher-crash-state");
    Path log = Path.of("target", app + ".log");
    TopicReader out = harness.mark(Topics.MEDIA_INSIGHTS);
    List<Instant> lookedAt = new ArrayList<>();

    try (ChildEnricher first = ChildEnricher.start(harness, app, state, media, log)) {
      lookedAt.add(sim.clock().now());
      harness.discover(media);
      harness.awaitSnapshots(out, EnricherHarness.each(media, 1), WAIT);

      long callsBefore = harness.simCalls();
      harness.advance(Duration.ofMinutes(15));
      lookedAt.add(sim.clock().now());
      Awaitility.await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> harness.simCalls() > callsBefore);
      first.kill();
    }
    long committedBeforeRestart =
        ownSnapshots(harness.awaitSnapshots(out, EnricherHarness.each(media, 1), WAIT), media)
            .size();
    assertThat(committedBeforeRestart)
        .as("the killed round's snapshots were never committed")
        .isEqualTo(media.size());

    try (ChildEnricher second = ChildEnricher.start(harness, app, state, media, log)) {
      harness.awaitSnapshots(out, EnricherHarness.each(media, 2), WAIT);
      harness.advance(Duration.ofMinutes(15));
      lookedAt.add(sim.clock().now());
      List<MediaInsightSnapshot> seen =
          harness.awaitSnapshots(out, EnricherHarness.each(media, 3), WAIT);

      Map<String, List<MediaInsightSnapshot>> byMedia = EnricherHarness.byMedia(seen);
      for (Media m : media) {
        List<MediaInsightSnapshot> snapshots = byMedia.get(Long.toString(m.id()));
        assertThat(snapshots)
            .extracting(MediaInsightSnapshot::getCapturedAt)
            .as("captures of %s", m.id())
            .containsExactlyElementsOf(ScheduleReplay.expected(m, lookedAt));
        for (MediaInsightSnapshot s : snapshots) {
          assertThat(s.getMetrics().get("reach")).isEqualTo(harness.truth(s).get("reach"));
        }
      }
      assertThat(second.alive()).isTrue();
    }
  }

  private static List<MediaInsightSnapshot> ownSnapshots(
      List<MediaInsightSnapshot> all, List<Media> media) {
    List<String> ids = media.stream().map(m -> Long.toString(m.id())).toList();
    return all.stream().filter(s -> ids.contains(s.getMediaId())).toList();
  }
}
