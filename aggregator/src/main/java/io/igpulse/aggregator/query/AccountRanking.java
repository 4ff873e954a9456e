package io.igpulse.aggregator.query;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of the account list: trend score, highest first (accounts with no score last), then
 * engagement gained, then id, so every instance merges the parts into the same list.
 */
final class AccountRanking {

  private AccountRanking() {}

  static JsonArray sort(JsonArray accounts) {
    List<JsonObject> rows = new ArrayList<>();
    accounts.forEach(row -> rows.add((JsonObject) row));
    rows.sort(
        Comparator.comparing(
                (JsonObject row) -> row.getDouble("trendScore"),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(row -> row.getLong("engagementGained"), Comparator.reverseOrder())
            .thenComparing(row -> row.getString("igUserId")));
    return new JsonArray(new ArrayList<>(rows));
  }
}
