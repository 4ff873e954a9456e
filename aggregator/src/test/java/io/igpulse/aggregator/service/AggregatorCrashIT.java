package io.igpulse.aggregator.service;

import static io.igpulse.aggregator.Snapshots.media;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.AccountTrend;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.process.ChildService;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The aggregator's jar in a child process, killed with SIGKILL while it counts (its open
 * transaction neither committed nor aborted, its local state as the kill left it), then started
 * again on the same state directory: every snapshot sent before, around and after the kill is
 * counted exactly once.
 */
@WithInfrastructure
class AggregatorCrashIT {

  private static final int ACCOUNTS = 3;
  private static final int MEDIA_PER_ACCOUNT = 8;
  private static final int ROUNDS = 12;

  private final String id = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void shouldCountEverySnapshotOnceAcrossASigkillAndRestart(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    AggregatorHarness harness = new AggregatorHarness(kafka, registry);
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
    Map<String, String> env = env(kafka, registry, "aggregator-crash-" + id);
    Path log = Path.of("target", "aggregator-crash-" + id + ".log");
    TopicReader trends = harness.mark(Topics.ACCOUNT_TRENDS);

    try (ChildService first = ChildService.start("aggregator", env, log)) {
      send(harness, rounds.subList(0, 4));
      awaitTotals(harness, trends, totalAfterRound.get(3));
      // Killed while these are being counted: their output sits in an open transaction.
      send(harness, rounds.subList(4, 8));
      first.kill();
    }
    long restarted = System.nanoTime();
    try (ChildService second = ChildService.start("aggregator", env, log)) {
      send(harness, rounds.subList(8, ROUNDS));
      awaitTotals(harness, trends, totalAfterRound.get(ROUNDS - 1));
      long countedAfterMs = (System.nanoTime() - restarted) / 1_000_000;
      assertThat(second.alive()).isTrue();
      System.out.printf(
          "crash: aggregator, %d snapshots (%d counted before the SIGKILL, %d sent just before"
              + " it, %d after the restart), totals exact; all counted %d ms after the restart"
              + " (JVM start and state restore included)%n",
          ROUNDS * ACCOUNTS * MEDIA_PER_ACCOUNT,
          4 * ACCOUNTS * MEDIA_PER_ACCOUNT,
          4 * ACCOUNTS * MEDIA_PER_ACCOUNT,
          4 * ACCOUNTS * MEDIA_PER_ACCOUNT,
          countedAfterMs);
    }
  }

  /** The child's settings: the harness's windows, grace and horizon, a wide commit interval. */
  private static Map<String, String> env(
      KafkaCluster kafka, SchemaRegistry registry, String applicationId) {
    Map<String, String> env = new HashMap<>();
    env.put("IGPULSE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("IGPULSE_REGISTRY_URL", registry.url());
    env.put("IGPULSE_AGGREGATOR_APPLICATION_ID", applicationId);
    env.put("IGPULSE_AGGREGATOR_WINDOWS", "PT1H/PT5M");
    env.put("IGPULSE_AGGREGATOR_GRACE", "PT6H");
    env.put("IGPULSE_AGGREGATOR_CATCH_UP_HORIZON", "P30D");
    env.put("IGPULSE_AGGREGATOR_HTTP_PORT", "0");
    env.put("IGPULSE_AGGREGATOR_MANAGEMENT_PORT", "0");
    env.put(
        "IGPULSE_AGGREGATOR_STATE_DIR", ChildService.tempDir("aggregator-crash-state").toString());
    env.put("IGPULSE_STREAMS_NUM_STREAM_THREADS", "1");
    // A wide commit interval leaves the counting of the rounds sent before the kill in an open
    // transaction.
    env.put("IGPULSE_STREAMS_COMMIT_INTERVAL_MS", "5000");
    // The killed member is noticed after this, instead of the 45 s default.
    env.put("IGPULSE_STREAMS_SESSION_TIMEOUT_MS", "6000");
    return env;
  }

  private static void send(AggregatorHarness harness, List<List<MediaInsightSnapshot>> rounds) {
    for (List<MediaInsightSnapshot> round : rounds) {
      harness.send(round.toArray(MediaInsightSnapshot[]::new));
    }
  }

  /** Waits until each account's hourly windows on the hour (which tile time) sum to its total. */
  private static void awaitTotals(
      AggregatorHarness harness, TopicReader trends, Map<String, Long> expected) {
    harness.awaitLatest(
        trends,
        Topics.ACCOUNT_TRENDS,
        latest -> hourlySums(latest, expected.keySet()).equals(expected),
        Duration.ofSeconds(120));
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
