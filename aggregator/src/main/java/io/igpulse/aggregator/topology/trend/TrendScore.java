package io.igpulse.aggregator.topology.trend;

import java.util.function.LongFunction;

/**
 * The trend score of one key in one window (see the aggregator README for a worked example).
 *
 * <p>velocity = engagement gained in the window / window hours.
 *
 * <p>baseline = weighted mean of the velocities of the {@code n} windows of the same size that end
 * where the previous one starts (the window just before, the one before that, ...), window {@code
 * i} back weighing {@code (1 - decay)^(i-1)}: an exponentially weighted moving average over
 * non-overlapping history. Windows before the key's oldest window in that range do not count (a key
 * is not punished for not existing yet); windows after it with no activity count as 0. No window in
 * range: no baseline.
 *
 * <p>score = (velocity - baseline) / max(baseline, 1 per hour): +1.0 is twice the usual pace, 0 the
 * usual pace, -1.0 silence. The floor keeps a key going from nothing to a trickle from scoring in
 * the thousands.
 */
public final class TrendScore {

  static final double MIN_BASELINE_PER_HOUR = 1.0;

  private final int windows;
  private final double decay;

  public TrendScore(int windows, double decay) {
    this.windows = windows;
    this.decay = decay;
  }

  /** How many previous windows the baseline looks at. */
  public int windows() {
    return windows;
  }

  /**
   * The baseline from previous windows' engagement; {@code engagementBack.apply(i)} gives the
   * engagement of the window {@code i} sizes back, or {@link Long#MIN_VALUE} when the key has no
   * such window.
   */
  public Double baseline(LongFunction<Long> engagementBack, double windowHours) {
    long[] values = new long[windows];
    int oldest = 0;
    for (int i = 1; i <= windows; i++) {
      long value = engagementBack.apply(i);
      if (value != Long.MIN_VALUE) {
        values[i - 1] = value;
        oldest = i;
      }
    }
    if (oldest == 0) {
      return null;
    }
    double weighted = 0;
    double weights = 0;
    double weight = 1;
    for (int i = 1; i <= oldest; i++) {
      weighted += weight * values[i - 1] / windowHours;
      weights += weight;
      weight *= 1 - decay;
    }
    return weighted / weights;
  }

  /** The score against a baseline; null without one. */
  public static Double score(double velocity, Double baseline) {
    if (baseline == null) {
      return null;
    }
    return (velocity - baseline) / Math.max(baseline, MIN_BASELINE_PER_HOUR);
  }
}
