package io.igpulse.aggregator.service;

import static io.igpulse.aggregator.Snapshots.media;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.AccountTrend;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.HealthWatch;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.GatedRegistry;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private static final int ACCOUNTS = 3;
  private static final int MEDIA_PER_ACCOUNT = 8;
  private static final int ROUNDS = 12;

  /** Rounds sent before the outage, during it (spread over it), and after it. */
  private static final int BEFORE = 4;

  private static final int DURING = 4;

  private final String id = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void shouldCountThroughARegistryOutageWithTheSchemasItHolds(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    AggregatorHarness direct = new AggregatorHarness(kafka, registry);
    Instant day = AggregatorHarness.nextBase();
    List<List<MediaInsightSnapshot>> rounds = new ArrayList<>();
    List<Map<String, Long>> totalAfterRound = new ArrayList<>();
    Map<String, Long> total = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<MediaInsightSnapshot> sent = new ArrayList<>();
      for (int a = 0; a < ACCOUNTS; a++) {
        String account = "acc" + a + "-" + id;
        for (int k = 0; k < MEDIA_PER_ACCOUNT; k++) {
          sent.add(
              media(
                  "m" + a + "-" + k + "-" + id,
                  account,
                  List.of(),
                  day,
                  day.plus(Duration.ofMinutes(5L + 15L * round)),
                  Map.of("engagement", (round + 1L) * (k + 1))));
          total.merge(account, (long) (k + 1), Long::sum);
        }
      }
      rounds.add(sent);
      totalAfterRound.add(Map.copyOf(total));
    }
    TopicReader trends = direct.mark(Topics.ACCOUNT_TRENDS);

    try (GatedRegistry gated = GatedRegistry.inFrontOf(registry);
        AggregatorService service =
            direct.start(
                new AggregatorHarness(kafka, gated).config("aggregator-registry-out-" + id))) {
      int port = service.managementPort();
      for (List<MediaInsightSnapshot> round : rounds.subList(0, BEFORE)) {
        direct.send(round.toArray(MediaInsightSnapshot[]::new));
      }
      awaitTotals(direct, trends, totalAfterRound.get(BEFORE - 1), Duration.ofSeconds(60));
      long accepted = gated.gate().accepted();
      assertThat(accepted).as("connections the aggregator made to the registry").isPositive();

      long down = System.nanoTime();
      gated.gate().shut();
      AtomicInteger sentDuring = new AtomicInteger();
      HealthWatch health =
          HealthWatch.watch(
              port,
              down,
              OUTAGE,
              () -> {
                // One round 5 s into the outage and one every 15 s after.
                int next = sentDuring.get();
                long dueAt = down + Duration.ofSeconds(5 + 15L * next).toNanos();
                if (next < DURING && System.nanoTime() >= dueAt) {
                  direct.send(rounds.get(BEFORE + next).toArray(MediaInsightSnapshot[]::new));
                  sentDuring.incrementAndGet();
                }
              });
      // Counted while the registry is still away: the rounds sent during the outage, the last one
      // 50 s into it, past the serdes' 30 s check period.
      awaitTotals(direct, trends, totalAfterRound.get(BEFORE + DURING - 1), Duration.ofSeconds(30));
      long countedDuringMs = (System.nanoTime() - down) / 1_000_000;
      assertThat(gated.gate().isOpen()).isFalse();

      gated.gate().open();
      for (List<MediaInsightSnapshot> round : rounds.subList(BEFORE + DURING, ROUNDS)) {
        direct.send(round.toArray(MediaInsightSnapshot[]::new));
      }
      awaitTotals(direct, trends, totalAfterRound.get(ROUNDS - 1), Duration.ofSeconds(60));

      assertThat(sentDuring.get()).isEqualTo(DURING);
      assertThat(health.liveThroughout()).as("live through the outage").isTrue();
      assertThat(health.readyThroughout()).as("ready through the outage").isTrue();
      System.out.printf(
          "registry outage: aggregator, %d snapshots (%d before the %d s outage, %d during it,"
              + " %d after), totals exact; those sent during it all counted by %d ms into it,"
              + " before the registry returned; live and ready throughout%n",
          ROUNDS * ACCOUNTS * MEDIA_PER_ACCOUNT,
          BEFORE * ACCOUNTS * MEDIA_PER_ACCOUNT,
          OUTAGE.toSeconds(),
          DURING * ACCOUNTS * MEDIA_PER_ACCOUNT,
          (ROUNDS - BEFORE - DURING) * ACCOUNTS * MEDIA_PER_ACCOUNT,
          countedDuringMs);
    }
  }

  /** Waits until each account's hourly windows on the hour (which tile time) sum to its total. */
  private static void awaitTotals(
      AggregatorHarness harness, TopicReader trends, Map<String, Long> expected, Duration wait) {
    harness.awaitLatest(
        trends,
        Topics.ACCOUNT_TRENDS,
        latest -> hourlySums(latest, expected.keySet()).equals(expected),
        wait);
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
