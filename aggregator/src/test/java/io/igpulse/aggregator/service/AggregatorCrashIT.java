package io.igpulse.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.process.ChildService;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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

  private static final int ROUNDS = SnapshotRounds.ROUNDS;

  /** Generous: it includes a JVM start and the 6 s session timeout of the killed member. */
  private static final Duration WAIT = Duration.ofSeconds(120);

  private final String id = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void shouldCountEverySnapshotOnceAcrossASigkillAndRestart(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    AggregatorHarness harness = new AggregatorHarness(kafka, registry);
    SnapshotRounds load = new SnapshotRounds("crash-" + id, AggregatorHarness.nextBase());
    Map<String, String> env = env(kafka, registry, "aggregator-crash-" + id);
    Path log = Path.of("target", "aggregator-crash-" + id + ".log");
    TopicReader trends = harness.mark(Topics.ACCOUNT_TRENDS);

    try (ChildService first = ChildService.start("aggregator", env, log)) {
      load.send(harness, 0, 4);
      load.awaitCounted(harness, trends, 4, WAIT);
      // Killed while these are being counted: their output sits in an open transaction.
      load.send(harness, 4, 8);
      first.kill();
    }
    long restarted = System.nanoTime();
    try (ChildService second = ChildService.start("aggregator", env, log)) {
      load.send(harness, 8, ROUNDS);
      load.awaitCounted(harness, trends, ROUNDS, WAIT);
      long countedAfterMs = (System.nanoTime() - restarted) / 1_000_000;
      assertThat(second.alive()).isTrue();
      System.out.printf(
          "crash: aggregator, %d snapshots (%d counted before the SIGKILL, %d sent just before"
              + " it, %d after the restart), totals exact; all counted %d ms after the restart"
              + " (JVM start and state restore included)%n",
          SnapshotRounds.snapshots(0, ROUNDS),
          SnapshotRounds.snapshots(0, 4),
          SnapshotRounds.snapshots(4, 8),
          SnapshotRounds.snapshots(8, ROUNDS),
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
}
