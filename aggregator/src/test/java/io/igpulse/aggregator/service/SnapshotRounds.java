package io.igpulse.aggregator.service;

import static io.igpulse.aggregator.Snapshots.media;

import io.igpulse.events.AccountTrend;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The load of the aggregator's fault ITs: 12 rounds, 15 minutes apart, of snapshots of 3 accounts'
 * 8 media each, every media gaining {@code k + 1} per round; and each account's total after each
 * round, which its hourly windows must sum to once the round is counted.
 */
final class SnapshotRounds {

  static final int ROUNDS = 12;
  private static final int ACCOUNTS = 3;
  private static final int MEDIA_PER_ACCOUNT = 8;

  private final List<List<MediaInsightSnapshot>> rounds = new ArrayList<>();
  private final List<Map<String, Long>> totalAfterRound = new ArrayList<>();

  /** Accounts and media named from {@code prefix}, captures from 00:05 of {@code day}. */
  SnapshotRounds(String prefix, Instant day) {
    Map<String, Long> total = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<MediaInsightSnapshot> sent = new ArrayList<>();
      for (int a = 0; a < ACCOUNTS; a++) {
        String account = prefix + "-acc" + a;
        for (int k = 0; k < MEDIA_PER_ACCOUNT; k++) {
          sent.add(
              media(
                  prefix + "-m" + a + "-" + k,
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
  }

  /** Sends rounds {@code from} (inclusive) to {@code to} (exclusive). */
  void send(AggregatorHarness harness, int from, int to) {
    for (int round = from; round < to; round++) {
      harness.send(rounds.get(round).toArray(MediaInsightSnapshot[]::new));
    }
  }

  /** Snapshots in rounds {@code from} (inclusive) to {@code to} (exclusive). */
  static int snapshots(int from, int to) {
    return (to - from) * ACCOUNTS * MEDIA_PER_ACCOUNT;
  }

  /**
   * Waits until each account's hourly windows on the hour (which tile time) sum to its total once
   * the first {@code rounds} rounds are counted.
   */
  void awaitCounted(AggregatorHarness harness, TopicReader trends, int rounds, Duration wait) {
    Map<String, Long> expected = totalAfterRound.get(rounds - 1);
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
