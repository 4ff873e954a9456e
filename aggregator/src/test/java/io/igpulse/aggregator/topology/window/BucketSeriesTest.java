package io.igpulse.aggregator.topology.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import io.igpulse.events.SnapshotKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Sliding a window along the buckets gives, for every window, what combining its buckets anew
 * gives; the indexed engagement sums equal the plain ones. Checked on random series with gaps,
 * negative and zero-sum gains, and media in several buckets.
 */
class BucketSeriesTest {

  private static final WindowSpec DAILY = new WindowSpec(Duration.ofHours(24), Duration.ofHours(1));
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long BASE = 1_700_000_000_000L / HOUR * HOUR;

  private static MediaDelta delta(String media, String owner, long engagement, long capturedAt) {
    return new MediaDelta(
        media,
        SnapshotKind.INSIGHTS,
        owner,
        null,
        List.of(),
        List.of(),
        BASE,
        capturedAt,
        capturedAt,
        Map.of("engagement", engagement, "reach", 3 * engagement, "views", 7 * engagement),
        false);
  }

  /** Buckets over 60 hours, a third of them empty, from a few media that recur. */
  private static <B> TreeMap<Long, B> randomBuckets(
      Random random, java.util.function.Supplier<B> empty, BucketFiller<B> fill) {
    TreeMap<Long, B> buckets = new TreeMap<>();
    for (int hour = 0; hour < 60; hour++) {
      if (random.nextInt(3) == 0) {
        continue;
      }
      B bucket = empty.get();
      int deltas = 1 + random.nextInt(6);
      for (int i = 0; i < deltas; i++) {
        long at = BASE + hour * HOUR + i;
        // Gains from -3 to 8: some media gain nothing or lose in a bucket.
        fill.add(
            bucket,
            delta("m" + random.nextInt(12), "a" + random.nextInt(4), random.nextInt(12) - 3, at));
      }
      buckets.put(BASE + hour * HOUR, bucket);
    }
    return buckets;
  }

  @FunctionalInterface
  private interface BucketFiller<B> {
    void add(B bucket, MediaDelta delta);
  }

  private static long[] consecutiveStarts(long first, int count) {
    long[] starts = new long[count];
    for (int i = 0; i < count; i++) {
      starts[i] = first + i * HOUR;
    }
    return starts;
  }

  @Test
  void slidingAccountWindowsEqualCombinedOnes() {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      var buckets = randomBuckets(random, AccountWindow::empty, AccountWindow::add);
      var series =
          new BucketSeries<>(buckets, DAILY, AccountWindow::combine, AccountWindow::engagement);
      long[] starts = consecutiveStarts(BASE - 30 * HOUR, 100);
      Map<Long, AccountWindow> slid = new HashMap<>();
      series.slide(
          starts,
          new AccountWindowSum(),
          (start, sum) ->
              slid.put(start, sum.toWindow(series.latest(start, AccountWindow::updatedAt))));
      int compared = 0;
      for (long start : starts) {
        AccountWindow combined = series.window(start);
        AccountWindow sliding = slid.get(start);
        if (combined == null) {
          assertThat(sliding).as("seed %d start %d", seed, start).isNull();
          continue;
        }
        compared++;
        assertThat(sliding.engagement()).isEqualTo(combined.engagement());
        assertThat(sliding.reach()).isEqualTo(combined.reach());
        assertThat(sliding.views()).isEqualTo(combined.views());
        assertThat(sliding.updatedAt()).isEqualTo(combined.updatedAt());
        assertThat(sliding.mediaEngagement())
            .as("seed %d start %d", seed, start)
            .isEqualTo(combined.mediaEngagement());
      }
      assertThat(compared).isGreaterThan(50);
    }
  }

  @Test
  void slidingHashtagWindowsCountTheDistinctMembersOfCombinedOnes() {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      int run = seed;
      var buckets = randomBuckets(random, HashtagWindow::empty, HashtagWindow::add);
      var series =
          new BucketSeries<>(buckets, DAILY, HashtagWindow::combine, HashtagWindow::engagement);
      long[] starts = consecutiveStarts(BASE - 30 * HOUR, 100);
      List<Long> visited = new ArrayList<>();
      series.slide(
          starts,
          new HashtagWindowSum(),
          (start, sum) -> {
            visited.add(start);
            HashtagWindow combined = series.window(start);
            assertThat(sum.engagement()).isEqualTo(combined.engagement());
            assertThat(sum.distinctMedia())
                .as("seed %d start %d", run, start)
                .isEqualTo(combined.media().size());
            assertThat(sum.distinctAccounts()).isEqualTo(combined.accounts().size());
            assertThat(series.latest(start, HashtagWindow::updatedAt))
                .isEqualTo(combined.updatedAt());
          });
      List<Long> withData = new ArrayList<>();
      for (long start : starts) {
        if (series.window(start) != null) {
          withData.add(start);
        }
      }
      assertThat(visited).isEqualTo(withData);
    }
  }

  @Test
  void indexedEngagementEqualsThePlainSum() {
    Random random = new Random(7);
    var buckets = randomBuckets(random, AccountWindow::empty, AccountWindow::add);
    var series =
        new BucketSeries<>(buckets, DAILY, AccountWindow::combine, AccountWindow::engagement);
    for (long start = BASE - 30 * HOUR; start < BASE + 70 * HOUR; start += HOUR / 2) {
      long from = start;
      var parts = buckets.subMap(from, true, from + 24 * HOUR, false).values();
      Long plain =
          parts.isEmpty() ? null : parts.stream().mapToLong(AccountWindow::engagement).sum();
      assertThat(series.engagement(start)).as("start %d", start).isEqualTo(plain);
    }
  }

  @Test
  void startsFurtherApartThanAWindowStillSlideCorrectly() {
    Random random = new Random(3);
    var buckets = randomBuckets(random, AccountWindow::empty, AccountWindow::add);
    var series =
        new BucketSeries<>(buckets, DAILY, AccountWindow::combine, AccountWindow::engagement);
    long[] starts = {BASE, BASE + HOUR, BASE + 30 * HOUR, BASE + 31 * HOUR};
    series.slide(
        starts,
        new AccountWindowSum(),
        (start, sum) ->
            assertThat(sum.toWindow(0).mediaEngagement())
                .isEqualTo(series.window(start).mediaEngagement()));
  }
}
