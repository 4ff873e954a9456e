package io.igpulse.aggregator.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One family of rolling windows: windows of {@code size} starting every {@code advance}, aligned to
 * the epoch. {@code size} must be a whole multiple of {@code advance}, so that the window just
 * before a window (its start minus its size) is itself a window: the trend baseline walks back
 * along those.
 */
public record WindowSpec(Duration size, Duration advance) {

  public WindowSpec {
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(advance, "advance");
    if (advance.isZero() || advance.isNegative() || size.compareTo(advance) < 0) {
      throw new IllegalArgumentException(
          "window advance must be > 0 and <= size, got " + size + " / " + advance);
    }
    if (size.toMillis() % advance.toMillis() != 0) {
      throw new IllegalArgumentException(
          "window size " + size + " is not a multiple of its advance " + advance);
    }
  }

  /** Parses {@code PT1H/PT5M} (size/advance, ISO-8601 durations). */
  public static WindowSpec parse(String text) {
    String[] parts = text.trim().split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException("window must be SIZE/ADVANCE like PT1H/PT5M, got " + text);
    }
    return new WindowSpec(Duration.parse(parts[0].trim()), Duration.parse(parts[1].trim()));
  }

  /** Short stable name for stores and keys, e.g. {@code PT1H}. */
  public String name() {
    return size.toString();
  }

  public double hours() {
    return size.toMillis() / 3_600_000.0;
  }

  /**
   * Start of the window of this family that ends at {@code epochMillis} rounded down to the
   * advance: the rolling value "as of" that time (at 13:57 with 1 h windows advancing every 5 min,
   * 12:55-13:55). Only buckets that have ended are in it, so a query for now never shows a window
   * still filling its last bucket.
   */
  public long startOfWindowEndingBy(long epochMillis) {
    long advanceMs = advance.toMillis();
    return Math.floorDiv(epochMillis, advanceMs) * advanceMs - size.toMillis();
  }

  @Override
  public String toString() {
    return size + "/" + advance;
  }
}
