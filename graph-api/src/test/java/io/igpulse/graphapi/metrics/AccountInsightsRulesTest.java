package io.igpulse.graphapi.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.graphapi.model.AccountInsightsQuery;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountInsightsRulesTest {

  private static final Instant UNTIL = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant SINCE = Instant.parse("2026-11-30T08:00:00Z");

  @Test
  void shouldGiveDemographicsThisMonthWhenNoTimeframeIsNamed() {
    AccountInsightsQuery q =
        new AccountInsightsQuery(
            List.of("follower_demographics"), "lifetime", "total_value", "city", null, null);

    assertThat(AccountInsightsRules.complete(q).timeframe()).isEqualTo("this_month");
    assertThat(AccountInsightsRules.refusal(AccountInsightsRules.complete(q))).isEmpty();
  }

  @Test
  void shouldRefuseTheTimeframesRemovedIn2024AndBreakdownsOutsideTheFour() {
    assertThat(
            AccountInsightsRules.refusal(
                AccountInsightsQuery.demographics(
                    "reached_audience_demographics", "age", "last_30_days")))
        .contains("reached_audience_demographics takes timeframe [this_week, this_month] only");
    assertThat(
            AccountInsightsRules.refusal(
                AccountInsightsQuery.demographics(
                    "follower_demographics", "follow_type", "this_week")))
        .contains("follower_demographics needs one breakdown of [age, city, country, gender]");
  }

  @Test
  void shouldRefuseTimeSeriesClickMetricsAndImpressions() {
    assertThat(
            AccountInsightsRules.refusal(
                new AccountInsightsQuery(
                    List.of("website_clicks"), "day", null, null, SINCE, UNTIL)))
        .contains("website_clicks is served only with metric_type=total_value");
    assertThat(
            AccountInsightsRules.refusal(
                new AccountInsightsQuery(
                    List.of("profile_views"), "day", "time_series", null, SINCE, UNTIL)))
        .contains("profile_views is served only with metric_type=total_value");
    assertThat(
            AccountInsightsRules.refusal(
                new AccountInsightsQuery(List.of("impressions"), "day", null, null, SINCE, UNTIL)))
        .contains("impressions is no longer served on any version");
  }

  @Test
  void shouldBreakViewsDownByFollowerTypeOrMediaProductType() {
    assertThat(
            AccountInsightsRules.refusal(
                new AccountInsightsQuery(
                    List.of("views"), "day", "total_value", "follower_type", SINCE, UNTIL)))
        .isEmpty();
    assertThat(
            AccountInsightsRules.refusal(
                new AccountInsightsQuery(
                    List.of("views"), "day", "total_value", "age", SINCE, UNTIL)))
        .contains("views breaks down by follower_type or media_product_type only");
  }
}
