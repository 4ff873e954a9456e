package io.igpulse.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far one series of hourly windows is from the truth, in the terms an analyst reads: each
 * group's error over the whole period, and each (group, hour)'s error, in per cent of the truth.
 * The period is given apart from the hours: spreading moves a gain across the edge of the hours
 * checked, never out of the period.
 */
final class ErrorProfile {

  /**
   * Hours with less true engagement than this are left out of the per-hour figures: an error of 3
   * on a truth of 2 is 150 % and says nothing.
   */
  static final long MIN_HOURLY_TRUTH = 100;

  private final String name;
  private final Map<String, long[]> periodByGroup = new TreeMap<>();
  private final List<Double> hourly = new ArrayList<>();
  private String largestOver = "none";
  private double largestOverPercent;

  ErrorProfile(String name) {
    this.name = name;
  }

  void period(String group, long actual, long truth) {
    long[] period = periodByGroup.computeIfAbsent(group, k -> new long[2]);
    period[0] += actual;
    period[1] += truth;
  }

  void hour(String group, Instant start, long actual, long truth) {
    if (truth >= MIN_HOURLY_TRUTH) {
      double error = percent(actual, truth);
      hourly.add(error);
      if (error > largestOverPercent) {
        largestOverPercent = error;
        largestOver = String.format("%s %s: %d vs truth %d", group, start, actual, truth);
      }
    }
  }

  String report() {
    List<Double> perGroup = new ArrayList<>();
    long actual = 0;
    long truth = 0;
    for (long[] p : periodByGroup.values()) {
      if (p[1] > 0) {
        perGroup.add(percent(p[0], p[1]));
      }
      actual += p[0];
      truth += p[1];
    }
    List<Double> magnitudes = new ArrayList<>(hourly.stream().map(Math::abs).toList());
    Collections.sort(magnitudes);
    return String.format(
        "%s: per account over the period %+.1f %% to %+.1f %% (all %+.1f %%); per account-hour"
            + " (%d hours with truth >= %d) median |error| %.1f %%, p90 %.1f %%, from %+.1f %% to"
            + " %+.1f %% (the largest over: %s)",
        name,
        min(perGroup),
        max(perGroup),
        truth == 0 ? 0.0 : percent(actual, truth),
        hourly.size(),
        MIN_HOURLY_TRUTH,
        quantile(magnitudes, 0.5),
        quantile(magnitudes, 0.9),
        min(hourly),
        max(hourly),
        largestOver);
  }

  private static double percent(long actual, long truth) {
    return 100.0 * (actual - truth) / truth;
  }

  private static double quantile(List<Double> sorted, double q) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, q * sorted.size()));
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }
}
