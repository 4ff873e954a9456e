package io.igpulse.enricher.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.enricher.config.EnricherConfig;
import io.igpulse.enricher.snapshot.ReadOutcome;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.graphapi.version.ApiVersion;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.world.Media;
import io.igpulse.testkit.HealthWatch;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Graph API answering every call with a transient 500 for 30 s just as a round falls due: the
 * enricher stays live and ready (the API, not the enricher, is what is missing), keeps trying at a
 * bounded pace, and once the API answers again it reads the round by itself: every snapshot
 * published once and equal to the simulator's truth (the simulated clock stands still meanwhile, so
 * the late read sees the due instant).
 */
@WithInfrastructure
class EnricherApiOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * Accounts of its own world beyond the shared world's (0–49), EnricherIT's (50–129) and
   * EnricherRegistryOutageIT's (130–149): media ids are made of account and ordinal whatever the
   * seed, and the shared discovery topic holds the other tests' media.
   */
  private static final int FIRST_ACCOUNT = 150;

  private static final int ACCOUNTS = 170;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String id = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void shouldReadTheRoundDueDuringAnApiOutageOnceTheApiAnswersAgain(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    try (Simulator sim = Simulator.start(SimulatorConfig.of(7L, ACCOUNTS))) {
      EnricherHarness harness = new EnricherHarness(kafka, registry, sim);
      EnricherConfig config = harness.config("enricher-api-out-" + id, ApiVersion.DEFAULT);
      List<Media> media = harness.youngPostsOf(FIRST_ACCOUNT, ACCOUNTS, 4, null);
      List<Instant> lookedAt = new ArrayList<>();
      String faults = sim.baseUrl() + "/_sim/faults";
      try (EnricherService service = harness.start(config, media)) {
        TopicReader out = harness.mark(Topics.MEDIA_INSIGHTS);
        lookedAt.add(sim.clock().now());
        harness.discover(media);
        harness.awaitScheduled(out, media, lookedAt, WAIT);

        post(faults, "{\"kind\":\"error_500\",\"endpoint\":\"*\",\"rate\":1.0}");
        long refusedBefore = refused(sim);
        long down = System.nanoTime();
        harness.advance(Duration.ofMinutes(15));
        lookedAt.add(sim.clock().now());
        HealthWatch health = HealthWatch.watch(service.managementPort(), down, OUTAGE);
        long refusedDuring = refused(sim) - refusedBefore;
        delete(faults);

        // Each refused read waits its first backoff (on the enricher's clock, the simulator's
        // here, which stands still meanwhile); once that has gone by, the media are read again.
        Instant retryAt = sim.clock().now().plus(ReadOutcome.backoff(0));
        long up = System.nanoTime();
        harness.advance(ReadOutcome.backoff(0));
        List<MediaInsightSnapshot> seen =
            harness.awaitSnapshots(out, EnricherHarness.each(media, 2), WAIT);
        long publishedAfterMs = (System.nanoTime() - up) / 1_000_000;

        Map<String, List<MediaInsightSnapshot>> byMedia = EnricherHarness.byMedia(seen);
        for (Media m : media) {
          List<MediaInsightSnapshot> own = byMedia.get(Long.toString(m.id()));
          assertThat(own)
              .extracting(MediaInsightSnapshot::getCapturedAt)
              .as("captures of %s: the first round, then the retry of the refused one", m.id())
              .containsExactly(lookedAt.get(0), retryAt);
          for (MediaInsightSnapshot s : own) {
            assertThat(s.getEngagement())
                .as("engagement of %s at %s", m.id(), s.getCapturedAt())
                .isEqualTo(harness.truth(s).get("total_interactions"));
          }
        }
        assertThat(refusedDuring).as("reads refused during the outage").isPositive();
        assertThat(health.liveThroughout()).as("live through the outage").isTrue();
        assertThat(health.readyThroughout()).as("ready through the outage").isTrue();
        System.out.printf(
            "api outage: enricher, %d media; %d reads refused during the %d s outage (%.1f a"
                + " second); live and ready throughout; the refused round read again at its first"
                + " backoff (%d s) and published %d ms after; each snapshot once and equal to the"
                + " truth%n",
            media.size(),
            refusedDuring,
            OUTAGE.toSeconds(),
            refusedDuring / (double) OUTAGE.toSeconds(),
            ReadOutcome.backoff(0).toSeconds(),
            publishedAfterMs);
      } finally {
        delete(faults);
      }
    }
  }

  /** Calls the simulator has answered with an injected 500 so far. */
  private static long refused(Simulator sim) {
    return sim.stats().toJson().path("faults").path("error_500").asLong(0);
  }

  private static void post(String url, String json) throws Exception {
    HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static void delete(String url) throws Exception {
    HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
