package io.igpulse.enricher.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.graphapi.version.ApiVersion;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.world.Media;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Scaling by adding an instance: the same snapshots as one instance would take, split in two. */
@WithInfrastructure
@WithSimulator
class EnricherScalingIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void shouldSplitTheAccountsBetweenTwoInstancesAndPublishEachSnapshotOnce(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) {
    EnricherHarness harness = new EnricherHarness(kafka, registry, sim);
    List<Media> media = Youngest.posts(harness, 8, 8, null);
    String app = "enricher-scale-" + UUID.randomUUID().toString().substring(0, 8);
    try (EnricherService a = harness.start(harness.config(app, ApiVersion.DEFAULT), media);
        EnricherService b = harness.start(harness.config(app, ApiVersion.DEFAULT), media)) {
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  a.streams().state() == KafkaStreams.State.RUNNING
                      && b.streams().state() == KafkaStreams.State.RUNNING);
      TopicReader out = harness.mark(Topics.MEDIA_INSIGHTS);
      List<Instant> lookedAt = new ArrayList<>();

      lookedAt.add(sim.clock().now());
      harness.discover(media);
      harness.awaitSnapshots(out, EnricherHarness.each(media, 1), WAIT);
      harness.advance(Duration.ofMinutes(15));
      lookedAt.add(sim.clock().now());
      harness.awaitSnapshots(out, EnricherHarness.each(media, 2), WAIT);
      harness.advance(Duration.ofMinutes(15));
      lookedAt.add(sim.clock().now());
      List<MediaInsightSnapshot> seen =
          harness.awaitSnapshots(out, EnricherHarness.each(media, 3), WAIT);

      Map<String, List<MediaInsightSnapshot>> byMedia = EnricherHarness.byMedia(seen);
      long own = 0;
      for (Media m : media) {
        List<MediaInsightSnapshot> snapshots = byMedia.get(Long.toString(m.id()));
        assertThat(snapshots)
            .extracting(MediaInsightSnapshot::getCapturedAt)
            .as("captures of %s", m.id())
            .containsExactlyElementsOf(ScheduleReplay.expected(m, lookedAt));
        for (MediaInsightSnapshot s : snapshots) {
          assertThat(s.getMetrics().get("reach")).isEqualTo(harness.truth(s).get("reach"));
        }
        own += snapshots.size();
      }
      long byA = a.metrics().snapshots();
      long byB = b.metrics().snapshots();
      assertThat(byA).as("instance A took some").isPositive();
      assertThat(byB).as("instance B took some").isPositive();
      assertThat(byA + byB).isEqualTo(own);
    }
  }
}
