package io.igpulse.graphapi.metrics;

import io.igpulse.graphapi.model.AccountInsightsQuery;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code /{ig-user-id}/insights} accepts at the end of 2026 (GRAPH-API.md "Account insights"),
 * so the client asks only what works: time-series {@code website_clicks}, {@code profile_views} and
 * the other click metrics are gone since 2025-01-08, account {@code impressions} since 2025-04-21;
 * demographics need {@code period=lifetime}, {@code metric_type=total_value}, one of four
 * breakdowns and a timeframe of {@code this_week} or {@code this_month}. Pure.
 */
public final class AccountInsightsRules {

  public static final Set<String> DEMOGRAPHICS =
      Set.of(
          "follower_demographics",
          "engaged_audience_demographics",
          "reached_audience_demographics");
  public static final List<String> DEMOGRAPHIC_BREAKDOWNS =
      List.of("age", "city", "country", "gender");
  public static final List<String> TIMEFRAMES = List.of("this_week", "this_month");

  /** The timeframe asked for when a demographics query names none. */
  public static final String DEFAULT_TIMEFRAME = "this_month";

  /** Need {@code metric_type=total_value}; asked as a time series they are refused (or gone). */
  public static final Set<String> TOTAL_VALUE_ONLY =
      Set.of("views", "profile_views", "accounts_engaged", "total_interactions", "website_clicks");

  /** Gone on every version. */
  public static final Set<String> GONE =
      Set.of(
          "impressions",
          "email_contacts",
          "phone_call_clicks",
          "text_message_clicks",
          "get_directions_clicks",
          "audience_gender_age",
          "audience_locale",
          "audience_country",
          "audience_city");

  /** Breakdowns of {@code views}. */
  public static final Set<String> VIEWS_BREAKDOWNS = Set.of("follower_type", "media_product_type");

  private AccountInsightsRules() {}

  /** The query as it is sent: a demographics query without a timeframe gets the default one. */
  public static AccountInsightsQuery complete(AccountInsightsQuery query) {
    boolean demographics = query.metrics().stream().anyMatch(DEMOGRAPHICS::contains);
    if (demographics && query.timeframe() == null) {
      return query.withTimeframe(DEFAULT_TIMEFRAME);
    }
    return query;
  }

  /** Why the API would refuse this query, or empty when it is one that works. */
  public static Optional<String> refusal(AccountInsightsQuery query) {
    boolean totalValue = "total_value".equals(query.metricType());
    for (String metric : query.metrics()) {
      if (GONE.contains(metric)) {
        return Optional.of(metric + " is no longer served on any version");
      }
      if (!totalValue && TOTAL_VALUE_ONLY.contains(metric)) {
        return Optional.of(metric + " is served only with metric_type=total_value");
      }
      if (totalValue && metric.equals("follower_count")) {
        return Optional.of("follower_count refuses metric_type=total_value");
      }
      if (DEMOGRAPHICS.contains(metric)) {
        Optional<String> why = demographicsRefusal(metric, query);
        if (why.isPresent()) {
          return why;
        }
      }
    }
    if (query.breakdown() != null
        && query.metrics().contains("views")
        && !VIEWS_BREAKDOWNS.contains(query.breakdown())) {
      return Optional.of("views breaks down by follower_type or media_product_type only");
    }
    return Optional.empty();
  }

  private static Optional<String> demographicsRefusal(String metric, AccountInsightsQuery query) {
    if (!"lifetime".equals(query.period()) || !"total_value".equals(query.metricType())) {
      return Optional.of(metric + " needs period=lifetime and metric_type=total_value");
    }
    if (query.breakdown() == null || !DEMOGRAPHIC_BREAKDOWNS.contains(query.breakdown())) {
      return Optional.of(metric + " needs one breakdown of " + DEMOGRAPHIC_BREAKDOWNS);
    }
    if (query.timeframe() != null && !TIMEFRAMES.contains(query.timeframe())) {
      return Optional.of(metric + " takes timeframe " + TIMEFRAMES + " only");
    }
    return Optional.empty();
  }
}
