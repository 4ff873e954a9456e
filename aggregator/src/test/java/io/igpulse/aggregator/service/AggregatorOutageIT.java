package io.igpulse.aggregator.service;

import static io.igpulse.aggregator.Snapshots.media;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.events.AccountTrend;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.kafka.WithKafka;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.registry.WithRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The whole Kafka cluster down for 90 s under an aggregator that is counting: it says it is not
 * ready once its brokers are silent, stays live (Kafka Streams waits and resumes by itself, nothing
 * should restart it) and, once the brokers are back, every snapshot sent before and after the
 * outage is counted exactly once. A 3-broker cluster of its own, so the JVM's shared broker stays
 * up for the other tests.
 */
@WithKafka(brokers = 3)
@WithRegistry
class AggregatorOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(90);
  private static final int ACCOUNTS = 3;
  private static final int MEDIA_PER_ACCOUNT = 8;
  private static final int ROUNDS = 12;

  @Test
  void shouldCountEverySnapshotOnceAcrossAWholeClusterOutage(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    AggregatorHarness harness = new AggregatorHarness(kafka, registry);
    // The cluster is this test's own: any past day will do for stream time.
    Instant day = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
    List<List<MediaInsightSnapshot>> rounds = new ArrayList<>();
    List<Map<String, Long>> totalAfterRound = new ArrayList<>();
    Map<String, Long> total = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<MediaInsightSnapshot> sent = new ArrayList<>();
      for (int a = 0; a < ACCOUNTS; a++) {
        for (int k = 0; k < MEDIA_PER_ACCOUNT; k++) {
          sent.add(
              media(
                  "m" + a + "-" + k,
                  "acc" + a,
                  List.of(),
                  day,
                  day.plus(Duration.ofMinutes(5L + 15L * round)),
                  Map.of("engagement", (round + 1L) * (k + 1))));
          total.merge("acc" + a, (long) (k + 1), Long::sum);
        }
      }
      rounds.add(sent);
      totalAfterRound.add(Map.copyOf(total));
    }
    TopicReader trends = harness.mark(Topics.ACCOUNT_TRENDS);

    try (AggregatorService service = harness.start(harness.config("aggregator-outage"))) {
      String health = "/health/";
      int half = ROUNDS / 2;
      for (List<MediaInsightSnapshot> round : rounds.subList(0, half)) {
        harness.send(round.toArray(MediaInsightSnapshot[]::new));
      }
      awaitTotals(harness, trends, totalAfterRound.get(half - 1));

      long down = System.nanoTime();
      kafka.stopAllBrokers();
      AtomicLong notReadyAfterMs = new AtomicLong(-1);
      Duration left = OUTAGE.minusNanos(System.nanoTime() - down);
      await()
          .during(left)
          .atMost(left.plusSeconds(10))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (notReadyAfterMs.get() < 0
                    && AggregatorHarness.get(service.managementPort(), health + "ready")
                            .statusCode()
                        == 503) {
                  notReadyAfterMs.set((System.nanoTime() - down) / 1_000_000);
                }
                return AggregatorHarness.get(service.managementPort(), health + "live").statusCode()
                    == 200;
              });

      long up = System.nanoTime();
      kafka.startAllBrokers();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  AggregatorHarness.get(service.managementPort(), health + "ready").statusCode()
                      == 200);
      long readyAfterMs = (System.nanoTime() - up) / 1_000_000;
      for (List<MediaInsightSnapshot> round : rounds.subList(half, ROUNDS)) {
        harness.send(round.toArray(MediaInsightSnapshot[]::new));
      }
      awaitTotals(harness, trends, totalAfterRound.get(ROUNDS - 1));
      long countedAfterMs = (System.nanoTime() - up) / 1_000_000;

      assertThat(notReadyAfterMs.get()).as("not ready during the outage").isPositive();
      System.out.printf(
          "outage: aggregator, %d snapshots (%d before the %d s outage, %d after), totals exact;"
              + " not ready %s; live throughout; ready %d ms after the brokers returned, all"
              + " counted %d ms after%n",
          ROUNDS * ACCOUNTS * MEDIA_PER_ACCOUNT,
          half * ACCOUNTS * MEDIA_PER_ACCOUNT,
          OUTAGE.toSeconds(),
          (ROUNDS - half) * ACCOUNTS * MEDIA_PER_ACCOUNT,
          notReadyAfterMs.get() + " ms into it",
          readyAfterMs,
          countedAfterMs);
    }
  }

  /** Waits until each account's hourly windows on the hour (which tile time) sum to its total. */
  private static void awaitTotals(
      AggregatorHarness harness, TopicReader trends, Map<String, Long> expected) {
    harness.awaitLatest(
        trends,
        Topics.ACCOUNT_TRENDS,
        latest -> hourlySums(latest, expected.keySet()).equals(expected));
  }

  private static Map<String, Long> hourlySums(
      Map<String, AccountTrend> latest, Set<String> accounts) {
    Map<String, Long> sums = new HashMap<>();
    latest.values().stream()
        .filter(t -> accounts.contains(t.getIgUserId()))
        .filter(t -> t.getWindowStart().toEpochMilli() % Duration.ofHours(1).toMillis() == 0)
        .forEach(t -> sums.merge(t.getIgUserId(), t.getEngagementGained(), Long::sum));
    return sums;
  }
}
