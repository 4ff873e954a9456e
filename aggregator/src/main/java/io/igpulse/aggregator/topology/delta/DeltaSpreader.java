package io.igpulse.aggregator.topology.delta;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreads a delta over the buckets its interval {@code (from, capturedAt]} covers, in proportion to
 * the time of the interval each bucket holds: two snapshots tell what a media gained between them,
 * not when, and crediting it all to the later capture put hours of engagement into the window of
 * that capture.
 *
 * <p>Integer-exact: for each metric the part of bucket {@code i} is {@code round(D * C_i / T) -
 * round(D * C_(i-1) / T)}, {@code C_i} the time of the interval up to the end of bucket {@code i}
 * and {@code T} the whole interval. The parts telescope to exactly {@code D}, and any run of
 * consecutive buckets (a window) holds the proportional amount to within one unit.
 *
 * <p>A delta is spread over at most {@code horizon} (the grace) before its capture: older buckets
 * are closed by the time the capture is counted, so spreading into them would drop what they were
 * given. A longer interval's change is spread over its last {@code horizon}.
 */
public final class DeltaSpreader {

  private final long bucketMillis;
  private final long horizonMillis;

  public DeltaSpreader(Duration bucket, Duration horizon) {
    this.bucketMillis = bucket.toMillis();
    this.horizonMillis = horizon.toMillis();
  }

  /**
   * One bucket's share of a delta, with a timestamp inside the bucket: its end, or the capture time
   * in the bucket the capture falls in.
   */
  public record Part(long bucketStart, long timestamp, MediaDelta delta) {}

  /**
   * The non-zero parts of {@code delta}, oldest bucket first. A bucket whose share rounds to zero
   * on every metric gets no part (the media did not contribute to it).
   */
  public List<Part> spread(MediaDelta delta) {
    long to = delta.capturedAt();
    long from = Math.max(delta.from(), to - horizonMillis);
    if (from >= to) {
      long bucket = Math.floorDiv(to, bucketMillis) * bucketMillis;
      return nonZero(delta.changes()) ? List.of(new Part(bucket, to, delta)) : List.of();
    }
    long first = Math.floorDiv(from, bucketMillis) * bucketMillis;
    long last = Math.floorDiv(to - 1, bucketMillis) * bucketMillis;
    int buckets = (int) ((last - first) / bucketMillis) + 1;
    long length = to - from;
    List<Map<String, Long>> shares = new ArrayList<>(buckets);
    for (int i = 0; i < buckets; i++) {
      shares.add(new LinkedHashMap<>());
    }
    delta
        .changes()
        .forEach(
            (metric, total) -> {
              long before = 0;
              for (int i = 0; i < buckets; i++) {
                long end = Math.min(to, first + (i + 1) * bucketMillis);
                long upTo = i == buckets - 1 ? total : scaled(total, end - from, length);
                if (upTo != before) {
                  shares.get(i).put(metric, upTo - before);
                }
                before = upTo;
              }
            });
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < buckets; i++) {
      if (!shares.get(i).isEmpty()) {
        long start = first + i * bucketMillis;
        parts.add(
            new Part(
                start, Math.min(to, start + bucketMillis - 1), delta.withChanges(shares.get(i))));
      }
    }
    return parts;
  }

  /**
   * The part of {@code delta}'s engagement gained before {@code until} by the same proportional
   * model (the whole interval, no horizon): what a media gained in its first day when the day ends
   * between two snapshots.
   */
  public static long engagementBefore(MediaDelta delta, long until) {
    long to = delta.capturedAt();
    long from = delta.from();
    if (until >= to) {
      return delta.engagement();
    }
    if (until <= from) {
      return 0;
    }
    return scaled(delta.engagement(), until - from, to - from);
  }

  private static boolean nonZero(Map<String, Long> changes) {
    return changes.values().stream().anyMatch(v -> v != 0);
  }

  /** {@code round(total * part / whole)}, halves up, without overflow. */
  static long scaled(long total, long part, long whole) {
    try {
      long twice = Math.multiplyExact(Math.multiplyExact(2L, total), part);
      return Math.floorDiv(Math.addExact(twice, whole), 2 * whole);
    } catch (ArithmeticException overflow) {
      BigInteger twice = BigInteger.valueOf(total).multiply(BigInteger.valueOf(part)).shiftLeft(1);
      BigInteger[] quotient =
          twice
              .add(BigInteger.valueOf(whole))
              .divideAndRemainder(BigInteger.valueOf(whole).shiftLeft(1));
      BigInteger floor =
          quotient[1].signum() < 0 ? quotient[0].subtract(BigInteger.ONE) : quotient[0];
      return floor.longValueExact();
    }
  }
}
