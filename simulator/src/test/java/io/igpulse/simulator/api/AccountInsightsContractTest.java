package io.igpulse.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.world.Account;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountInsightsContractTest {

  private final ApiFixture fx = new ApiFixture(5, 40);

  private int accountWithFollowers(boolean atLeast100) {
    long now = fx.clock.nowEpochSecond();
    for (int i = 0; i < fx.world.accountCount(); i++) {
      if ((fx.world.followers(i, now) >= 100) == atLeast100) {
        return i;
      }
    }
    throw new AssertionError("no such account");
  }

  private JsonNode insights(int account, String... params) {
    Account a = fx.world.account(account);
    return ApiFixture.json(fx.get("/v24.0/" + a.igUserId() + "/insights", a.token(), params));
  }

  @Test
  void shouldAnswerTimeSeriesShapeWithDailyValuesEndingAtPacificMidnight() {
    int account = accountWithFollowers(true);
    long until = 1768118400L; // 2026-01-11T08:00:00Z
    long since = until - 2 * 86_400L;

    JsonNode answer =
        insights(
            account,
            "metric",
            "reach",
            "period",
            "day",
            "since",
            Long.toString(since),
            "until",
            Long.toString(until));

    JsonNode entry = answer.get("data").get(0);
    assertThat(names(entry))
        .containsExactly("name", "period", "values", "title", "description", "id");
    assertThat(entry.get("title").asText()).isEqualTo("Accounts reached");
    assertThat(entry.get("id").asText())
        .isEqualTo(fx.world.account(account).igUserId() + "/insights/reach/day");
    assertThat(entry.get("values").findValuesAsText("end_time"))
        .containsExactly("2026-01-10T08:00:00+0000", "2026-01-11T08:00:00+0000");
    assertThat(answer.get("paging").get("next").asText())
        .contains("since=" + until)
        .contains("until=" + (until + 2 * 86_400L));
  }

  @Test
  void shouldAnswerTotalValueDemographicsWithAtMost45Results() {
    int account = accountWithFollowers(true);

    JsonNode entry =
        insights(
                account,
                "metric",
                "follower_demographics",
                "period",
                "lifetime",
                "metric_type",
                "total_value",
                "breakdown",
                "city",
                "timeframe",
                "this_month")
            .get("data")
            .get(0);

    assertThat(names(entry))
        .containsExactly("name", "period", "title", "description", "total_value", "id");
    JsonNode breakdown = entry.get("total_value").get("breakdowns").get(0);
    assertThat(breakdown.get("dimension_keys").toString()).isEqualTo("[\"city\"]");
    assertThat(breakdown.get("results").size()).isBetween(1, 45);
    assertThat(breakdown.get("results").get(0).get("dimension_values").get(0).asText())
        .contains(", ");
  }

  @Test
  void shouldRequireTotalValueForViewsAndRefuseItForFollowerCount() {
    int account = accountWithFollowers(true);

    JsonNode views = insights(account, "metric", "views", "period", "day").get("error");
    JsonNode followers =
        insights(account, "metric", "follower_count", "period", "day", "metric_type", "total_value")
            .get("error");
    JsonNode reachBoth =
        insights(account, "metric", "reach", "period", "day", "metric_type", "total_value");

    assertThat(views.get("code").asInt()).isEqualTo(100);
    assertThat(views.get("message").asText())
        .isEqualTo(
            "(#100) The following metrics (views) should be specified with parameter metric_type=total_value");
    assertThat(followers.get("code").asInt()).isEqualTo(100);
    assertThat(reachBoth.get("data").get(0).get("total_value").has("value")).isTrue();
  }

  @Test
  void shouldRefuseRangesOver30DaysAndFollowerCountBeyondTheLast30Days() {
    int account = accountWithFollowers(true);
    long now = fx.clock.nowEpochSecond();

    JsonNode wide =
        insights(
                account,
                "metric",
                "reach",
                "period",
                "day",
                "since",
                Long.toString(now - 31 * 86_400L),
                "until",
                Long.toString(now))
            .get("error");
    JsonNode old =
        insights(
                account,
                "metric",
                "follower_count",
                "period",
                "day",
                "since",
                Long.toString(now - 40 * 86_400L),
                "until",
                Long.toString(now - 35 * 86_400L))
            .get("error");

    assertThat(wide.get("message").asText())
        .isEqualTo("(#100) There cannot be more than 30 days (2592000 s) between since and until");
    assertThat(old.get("message").asText())
        .isEqualTo("(#100) follower_count is only available for the last 30 days");
  }

  @Test
  void shouldRefuseFollowerCountForAccountsUnder100Followers() {
    int small = accountWithFollowers(false);

    JsonNode error = insights(small, "metric", "follower_count", "period", "day").get("error");

    assertThat(error.get("message").asText())
        .isEqualTo(
            "(#100) follower_count is not available for IG Users with fewer than 100 followers");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
