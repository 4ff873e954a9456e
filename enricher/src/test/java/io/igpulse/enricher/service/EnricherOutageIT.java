package io.igpulse.enricher.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.graphapi.ApiVersion;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.world.Media;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.kafka.WithKafka;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.registry.WithRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The whole Kafka cluster down for 90 s under an enricher with media due: it says it is not ready
 * once its brokers are silent, stays live, and once they are back it publishes every snapshot the
 * schedule asked for, each once and equal to the simulator's truth (the simulated clock stands
 * still, so a read repeated after an aborted transaction sees the same instant). A 3-broker cluster
 * of its own, so the JVM's shared broker stays up for the other tests.
 */
@WithKafka(brokers = 3)
@WithRegistry
class EnricherOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(90);
  private static final int ACCOUNTS = 10;
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldPublishEveryDueSnapshotOnceAfterAWholeClusterOutage(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    try (Simulator sim = Simulator.start(SimulatorConfig.of(7L, ACCOUNTS))) {
      EnricherHarness harness = new EnricherHarness(kafka, registry, sim);
      run(kafka, harness, sim, youngPosts(harness, 4));
    }
  }

  private void run(KafkaCluster kafka, EnricherHarness harness, Simulator sim, List<Media> media)
      throws Exception {
    List<Instant> lookedAt = new ArrayList<>();
    try (EnricherService service =
        harness.start(harness.config("enricher-outage", ApiVersion.DEFAULT), media)) {
      TopicReader out = harness.mark(Topics.MEDIA_INSIGHTS);
      String health = "http://127.0.0.1:" + service.managementPort() + "/health/";
      lookedAt.add(sim.clock().now());
      harness.discover(media);
      harness.awaitScheduled(out, media, lookedAt, WAIT);

      long down = System.nanoTime();
      kafka.stopAllBrokers();
      // Due while the brokers are away: read, but not publishable until they are back.
      harness.advance(Duration.ofMinutes(15));
      lookedAt.add(sim.clock().now());
      AtomicLong notReadyAfterMs = new AtomicLong(-1);
      Duration left = OUTAGE.minusNanos(System.nanoTime() - down);
      await()
          .during(left)
          .atMost(left.plusSeconds(10))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (notReadyAfterMs.get() < 0 && status(health + "ready") == 503) {
                  notReadyAfterMs.set((System.nanoTime() - down) / 1_000_000);
                }
                return status(health + "live") == 200;
              });

      long up = System.nanoTime();
      kafka.startAllBrokers();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> status(health + "ready") == 200);
      long readyAfterMs = (System.nanoTime() - up) / 1_000_000;
      harness.awaitScheduled(out, media, lookedAt, WAIT);
      long publishedAfterMs = (System.nanoTime() - up) / 1_000_000;
      harness.advance(Duration.ofMinutes(15));
      lookedAt.add(sim.clock().now());
      List<MediaInsightSnapshot> seen = harness.awaitScheduled(out, media, lookedAt, WAIT);

      Map<String, List<MediaInsightSnapshot>> byMedia = EnricherHarness.byMedia(seen);
      int snapshots = 0;
      for (Media m : media) {
        List<MediaInsightSnapshot> own = byMedia.get(Long.toString(m.id()));
        assertThat(own)
            .extracting(MediaInsightSnapshot::getCapturedAt)
            .as("captures of %s, each once", m.id())
            .containsExactlyElementsOf(ScheduleReplay.expected(m, lookedAt));
        for (MediaInsightSnapshot s : own) {
          assertThat(s.getEngagement())
              .as("engagement of %s at %s", m.id(), s.getCapturedAt())
              .isEqualTo(harness.truth(s).get("total_interactions"));
        }
        snapshots += own.size();
      }
      assertThat(notReadyAfterMs.get()).as("not ready during the outage").isPositive();
      System.out.printf(
          "outage: enricher, %d media, %d snapshots in all, each once and equal to the truth;"
              + " not ready %d ms into the %d s outage; live throughout; ready %d ms after the"
              + " brokers returned, the snapshots due meanwhile published %d ms after%n",
          media.size(),
          snapshots,
          notReadyAfterMs.get(),
          OUTAGE.toSeconds(),
          readyAfterMs,
          publishedAfterMs);
    }
  }

  /** {@code count} posts 20 min to 5 h old, one per account at most. */
  private static List<Media> youngPosts(EnricherHarness h, int count) {
    for (int attempt = 0; attempt < 48; attempt++) {
      List<Media> out = new ArrayList<>();
      for (int a = 0; a < ACCOUNTS && out.size() < count; a++) {
        out.addAll(h.youngPosts(a, 1, Duration.ofHours(5), null));
      }
      if (out.size() == count) {
        return out;
      }
      h.advance(Duration.ofHours(1));
    }
    throw new AssertionError("no " + count + " young posts in two simulated days");
  }

  private static int status(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
