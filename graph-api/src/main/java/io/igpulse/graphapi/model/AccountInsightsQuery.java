package io.igpulse.graphapi.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An account insights request. {@code since}/{@code until} may be at most 30 days apart, so longer
 * ranges are split by {@link #windowsBackwards} into 30-day windows from the newest back.
 *
 * @param metricType {@code time_series} or {@code total_value}, or null to let the API decide
 * @param breakdown e.g. {@code city}, or null
 * @param timeframe demographics only: {@code this_week} or {@code this_month}, or null
 */
public record AccountInsightsQuery(
    List<String> metrics,
    String period,
    String metricType,
    String breakdown,
    Instant since,
    Instant until,
    String timeframe) {

  public static final Duration MAX_WINDOW = Duration.ofDays(30);

  public AccountInsightsQuery {
    metrics = List.copyOf(metrics);
  }

  /** A query without a timeframe (every metric but the demographics). */
  public AccountInsightsQuery(
      List<String> metrics,
      String period,
      String metricType,
      String breakdown,
      Instant since,
      Instant until) {
    this(metrics, period, metricType, breakdown, since, until, null);
  }

  /** Daily values from {@code since} to {@code until}, in the shape the API chooses per metric. */
  public static AccountInsightsQuery daily(List<String> metrics, Instant since, Instant until) {
    return new AccountInsightsQuery(metrics, "day", null, null, since, until);
  }

  /** Each metric's total over {@code since} to {@code until}, by day. */
  public static AccountInsightsQuery dailyTotals(
      List<String> metrics, Instant since, Instant until) {
    return new AccountInsightsQuery(metrics, "day", "total_value", null, since, until);
  }

  /** A demographics query with the API's default timeframe. */
  public static AccountInsightsQuery demographics(String metric, String breakdown) {
    return demographics(metric, breakdown, null);
  }

  /** A demographics query: lifetime, total value, one breakdown, a timeframe. */
  public static AccountInsightsQuery demographics(
      String metric, String breakdown, String timeframe) {
    return new AccountInsightsQuery(
        List.of(metric), "lifetime", "total_value", breakdown, null, null, timeframe);
  }

  public AccountInsightsQuery withTimeframe(String value) {
    return new AccountInsightsQuery(metrics, period, metricType, breakdown, since, until, value);
  }

  public AccountInsightsQuery between(Instant s, Instant u) {
    return new AccountInsightsQuery(metrics, period, metricType, breakdown, s, u, timeframe);
  }

  /** This query's range cut into windows of at most 30 days, newest first. */
  public List<AccountInsightsQuery> windowsBackwards() {
    List<AccountInsightsQuery> out = new ArrayList<>();
    if (since == null || until == null) {
      out.add(this);
      return out;
    }
    Instant end = until;
    while (end.isAfter(since)) {
      Instant start = end.minus(MAX_WINDOW);
      if (start.isBefore(since)) {
        start = since;
      }
      out.add(between(start, end));
      end = start;
    }
    return out;
  }
}
