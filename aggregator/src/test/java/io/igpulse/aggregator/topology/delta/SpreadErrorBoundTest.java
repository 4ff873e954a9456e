package io.igpulse.aggregator.topology.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.SnapshotKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The README's error bound, checked on media whose lifetime engagement follows a concave curve
 * {@code A (1 - exp(-t / tau))}, read (as whole numbers) at irregular intervals: in every 1-hour
 * window, what the spread parts give differs from what the media really gained by at most {@code D
 * + 2}, {@code D = (v0 - v1) x interval / 4} for the interval each end of the window cuts (the
 * larger of the two), plus one unit for the rounding of parts and one for the whole-number
 * readings.
 */
class SpreadErrorBoundTest {

  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;
  private static final DeltaSpreader SPREADER =
      new DeltaSpreader(Duration.ofMinutes(5), Duration.ofDays(1));

  /** One media's curve: gained by time t (ms after posting at 0), and its rate per ms. */
  private record Curve(double amount, double tauMillis) {
    double gained(long t) {
      return t <= 0 ? 0 : amount * (1 - Math.exp(-t / tauMillis));
    }

    double rate(long t) {
      return amount / tauMillis * Math.exp(-Math.max(t, 0) / tauMillis);
    }
  }

  @Test
  void shouldStayWithinTheBoundInEveryWindow() {
    Random random = new Random(7);
    int windowsChecked = 0;
    for (int media = 0; media < 200; media++) {
      Curve curve = new Curve(200 + random.nextInt(20_000), (1 + 5 * random.nextDouble()) * HOUR);
      List<Long> captures = new ArrayList<>();
      long t = (5 + random.nextInt(50)) * MINUTE + random.nextInt(60_000);
      while (t < 14 * HOUR) {
        captures.add(t);
        t += (15 + random.nextInt(105)) * MINUTE + random.nextInt(60_000);
      }
      TreeMap<Long, Long> buckets = new TreeMap<>();
      long from = 0;
      long before = 0;
      for (long capture : captures) {
        long reading = (long) Math.floor(curve.gained(capture));
        MediaDelta delta =
            new MediaDelta(
                "m",
                SnapshotKind.INSIGHTS,
                "acc",
                null,
                List.of(),
                List.of(),
                1,
                from == 0 ? 1 : from,
                capture,
                Map.of("engagement", reading - before),
                false);
        SPREADER
            .spread(delta)
            .forEach(p -> buckets.merge(p.bucketStart(), p.delta().engagement(), Long::sum));
        from = capture;
        before = reading;
      }
      long last = captures.get(captures.size() - 1);
      for (long start = 0; start + HOUR <= last + HOUR; start += 5 * MINUTE) {
        long a = Math.min(start, last);
        long b = Math.min(start + HOUR, last);
        double truth = curve.gained(b) - curve.gained(a);
        long spread =
            buckets.subMap(start, true, start + HOUR, false).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        double bound = Math.max(cut(curve, captures, a), cut(curve, captures, b)) + 2;
        assertThat(Math.abs(spread - truth))
            .as("window at %d min", start / MINUTE)
            .isLessThanOrEqualTo(bound);
        windowsChecked++;
      }
    }
    assertThat(windowsChecked).isGreaterThan(20_000);
  }

  /** {@code (v0 - v1) x interval / 4} for the interval between readings that contains {@code t}. */
  private static double cut(Curve curve, List<Long> captures, long t) {
    long start = 0;
    for (long capture : captures) {
      if (t <= capture) {
        return (curve.rate(start) - curve.rate(capture)) * (capture - start) / 4;
      }
      start = capture;
    }
    return 0;
  }
}
