package io.igpulse.simulator.api;

import java.util.List;
import java.util.Set;

/**
 * The rules of {@code /{ig-user-id}/insights} (GRAPH-API.md "Account insights"), without I/O: known
 * metrics, periods, which metrics need or refuse {@code metric_type=total_value}, the 30-day window
 * and the follower thresholds.
 */
public final class AccountMetricRules {

  public static final List<String> METRICS =
      List.of(
          "reach",
          "follower_count",
          "website_clicks",
          "profile_views",
          "online_followers",
          "accounts_engaged",
          "total_interactions",
          "likes",
          "comments",
          "shares",
          "saves",
          "replies",
          "views",
          "reposts",
          "follows_and_unfollows",
          "profile_links_taps",
          "follower_demographics",
          "engaged_audience_demographics",
          "reached_audience_demographics");
  public static final List<String> PERIODS = List.of("day", "week", "days_28", "lifetime");
  public static final Set<String> BREAKDOWNS =
      Set.of(
          "age",
          "gender",
          "country",
          "city",
          "follow_type",
          "follower_type",
          "media_product_type",
          "contact_button_type");

  /**
   * Served only as a total value: time-series {@code profile_views} and {@code website_clicks} are
   * gone on every version since 2025-01-08.
   */
  public static final Set<String> TOTAL_VALUE_ONLY =
      Set.of("views", "profile_views", "accounts_engaged", "total_interactions", "website_clicks");

  /** The one breakdown a demographics metric takes. */
  public static final List<String> DEMOGRAPHIC_BREAKDOWNS =
      List.of("age", "city", "country", "gender");

  /** Demographics timeframes; the older ones were removed on every version on 2024-08-19. */
  public static final List<String> TIMEFRAMES = List.of("this_week", "this_month");

  public static final Set<String> REMOVED_TIMEFRAMES =
      Set.of("last_14_days", "last_30_days", "last_90_days", "prev_month");
  public static final Set<String> DEMOGRAPHICS =
      Set.of(
          "follower_demographics",
          "engaged_audience_demographics",
          "reached_audience_demographics");
  public static final Set<String> LAST_30_DAYS_ONLY = Set.of("follower_count", "online_followers");
  public static final long MAX_RANGE_SEC = 30 * 86_400L;
  public static final int MIN_FOLLOWERS = 100;
  public static final int TOP_VALUES = 45;

  private AccountMetricRules() {}

  /** Throws the code-100 error for the first rule a request breaks. */
  public static void check(
      List<String> metrics,
      String period,
      boolean totalValue,
      String breakdown,
      String timeframe,
      long since,
      long until,
      long nowSec,
      long followers) {
    for (int i = 0; i < metrics.size(); i++) {
      if (!METRICS.contains(metrics.get(i))) {
        throw GraphErrors.invalidParameter(
                "metric["
                    + i
                    + "] must be one of the following values: "
                    + String.join(", ", METRICS))
            .exception();
      }
    }
    if (!PERIODS.contains(period)) {
      throw GraphErrors.invalidParameter(
              "period must be one of the following values: " + String.join(", ", PERIODS))
          .exception();
    }
    if (breakdown != null) {
      for (String dimension : breakdown.split(",")) {
        if (!BREAKDOWNS.contains(dimension)) {
          throw GraphErrors.invalidParameter(
                  "breakdown must be one of the following values: "
                      + String.join(", ", BREAKDOWNS.stream().sorted().toList()))
              .exception();
        }
      }
    }
    if (until - since > MAX_RANGE_SEC) {
      throw GraphErrors.invalidParameter(
              "There cannot be more than 30 days (2592000 s) between since and until")
          .exception();
    }
    for (String metric : metrics) {
      if (!totalValue && (TOTAL_VALUE_ONLY.contains(metric) || DEMOGRAPHICS.contains(metric))) {
        throw GraphErrors.invalidParameter(
                "The following metrics ("
                    + metric
                    + ") should be specified with parameter"
                    + " metric_type=total_value")
            .exception();
      }
      if (totalValue && metric.equals("follower_count")) {
        throw GraphErrors.invalidParameter(
                "metric_type=total_value is not supported for the metric follower_count")
            .exception();
      }
      if (DEMOGRAPHICS.contains(metric) && !period.equals("lifetime")) {
        throw GraphErrors.invalidParameter("Incorrect period for metric " + metric + ": lifetime")
            .exception();
      }
      if (DEMOGRAPHICS.contains(metric)) {
        checkDemographics(metric, breakdown, timeframe);
      }
      if ("follower_type".equals(breakdown) && !metric.equals("views")) {
        throw GraphErrors.invalidParameter(
                "The breakdown follower_type is not supported for the metric " + metric)
            .exception();
      }
      if (LAST_30_DAYS_ONLY.contains(metric)) {
        if (since < nowSec - MAX_RANGE_SEC) {
          throw GraphErrors.invalidParameter(metric + " is only available for the last 30 days")
              .exception();
        }
        if (followers < MIN_FOLLOWERS) {
          throw GraphErrors.invalidParameter(
                  metric + " is not available for IG Users with fewer than 100 followers")
              .exception();
        }
      }
    }
  }

  private static void checkDemographics(String metric, String breakdown, String timeframe) {
    if (breakdown == null) {
      throw GraphErrors.invalidParameter("The parameter breakdown is required for " + metric)
          .exception();
    }
    if (!DEMOGRAPHIC_BREAKDOWNS.contains(breakdown)) {
      throw GraphErrors.invalidParameter(
              "breakdown for "
                  + metric
                  + " must be one of the following values: "
                  + String.join(", ", DEMOGRAPHIC_BREAKDOWNS))
          .exception();
    }
    if (timeframe == null) {
      throw GraphErrors.invalidParameter("The parameter timeframe is required for " + metric)
          .exception();
    }
    if (!TIMEFRAMES.contains(timeframe)) {
      throw GraphErrors.invalidParameter(
              (REMOVED_TIMEFRAMES.contains(timeframe)
                      ? "The timeframe " + timeframe + " is no longer supported. "
                      : "")
                  + "timeframe must be one of the following values: "
                  + String.join(", ", TIMEFRAMES))
          .exception();
    }
  }
}
