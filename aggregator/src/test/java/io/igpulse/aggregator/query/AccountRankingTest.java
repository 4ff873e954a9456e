package io.igpulse.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The account list's order, the same whichever instance merges the parts. */
class AccountRankingTest {

  @Test
  void shouldOrderByScoreThenEngagementThenIdWithUnscoredAccountsLast() {
    JsonArray parts =
        new JsonArray()
            .add(row("c", null, 900))
            .add(row("b", 2.0, 100))
            .add(row("a", 2.0, 100))
            .add(row("d", 3.0, 10))
            .add(row("e", 2.0, 500));

    JsonArray sorted = AccountRanking.sort(parts);

    assertThat(sorted.stream().map(r -> ((JsonObject) r).getString("igUserId")))
        .containsExactly("d", "e", "a", "b", "c");
  }

  private static JsonObject row(String id, Double score, long engagement) {
    return new JsonObject()
        .put("igUserId", id)
        .put("trendScore", score)
        .put("engagementGained", engagement);
  }
}
