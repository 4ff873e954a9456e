package io.igpulse.aggregator.service;

import static io.igpulse.aggregator.Snapshots.media;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.events.AccountTrend;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An aggregator started on a backlog (as after an outage) counts all of it. Its upstream tasks work
 * through their partitions at different paces, so the bucket tasks see deltas hours out of order; a
 * grace of minutes dropped most of them (this test fails with the old 15-minute default).
 */
@WithInfrastructure
class AggregatorCatchUpIT {

  private static final int ACCOUNTS = 3;
  private static final int MEDIA_PER_ACCOUNT = 8;
  private static final int ROUNDS = 12;

  @Test
  void aThreeHourBacklogIsCountedExactly(KafkaCluster kafka, SchemaRegistry registry) {
    AggregatorHarness harness = new AggregatorHarness(kafka, registry);
    String id = UUID.randomUUID().toString().substring(0, 8);
    Instant day = AggregatorHarness.nextBase();
    Map<String, Long> expected = new HashMap<>();
    List<MediaInsightSnapshot> backlog = new ArrayList<>();
    // Round by round, as the enricher publishes them: every media snapshotted each 15 minutes for
    // 3 hours, its engagement growing by (k + 1) a round.
    for (int round = 0; round < ROUNDS; round++) {
      for (int a = 0; a < ACCOUNTS; a++) {
        for (int k = 0; k < MEDIA_PER_ACCOUNT; k++) {
          String account = "acc" + a + "-" + id;
          backlog.add(
              media(
                  "m" + a + "-" + k + "-" + id,
                  account,
                  List.of(),
                  day,
                  day.plus(Duration.ofMinutes(5L + 15L * round)),
                  Map.of("engagement", (round + 1L) * (k + 1))));
          if (round == ROUNDS - 1) {
            expected.merge(account, (round + 1L) * (k + 1), Long::sum);
          }
        }
      }
    }
    TopicReader trends = harness.mark(Topics.ACCOUNT_TRENDS);
    harness.send(backlog.toArray(MediaInsightSnapshot[]::new));

    AtomicReference<Map<String, Long>> published = new AtomicReference<>(Map.of());
    try (AggregatorService ignored =
        harness.start(
            harness.config("aggregator-catch-up-" + id, AggregatorConfig.DEFAULT_GRACE))) {
      try {
        harness.awaitLatest(
            trends,
            Topics.ACCOUNT_TRENDS,
            latest -> {
              published.set(hourlySums(latest, expected.keySet()));
              return published.get().equals(expected);
            });
      } catch (AssertionError timedOut) {
        // Say what was counted, not only that the wait ran out.
        assertThat(published.get())
            .as("engagement per account, summed over the hours")
            .isEqualTo(expected);
        throw timedOut;
      }
    }
  }

  /**
   * Engagement per account over the hourly windows that start on the hour: they tile time. (The
   * topic also carries other tests' accounts: this aggregator read the whole input topic.)
   */
  private static Map<String, Long> hourlySums(
      Map<String, AccountTrend> latest, java.util.Set<String> accounts) {
    Map<String, Long> sums = new HashMap<>();
    latest.values().stream()
        .filter(t -> accounts.contains(t.getIgUserId()))
        .filter(t -> t.getWindowStart().toEpochMilli() % Duration.ofHours(1).toMillis() == 0)
        .forEach(t -> sums.merge(t.getIgUserId(), t.getEngagementGained(), Long::sum));
    return sums;
  }
}
