package io.igpulse.aggregator.topology.account;

import io.igpulse.events.AccountAudience;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AudienceBreakdown;
import io.igpulse.events.AudienceKind;
import io.igpulse.events.AudienceShare;
import io.igpulse.events.DemographicBreakdown;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An account's latest audience as the query API serves it: each demographic breakdown of the newest
 * snapshot that read any, its values largest first with their share of the breakdown's total.
 * Stored as this JSON (one small value per account, written about once a day) and published as
 * {@link AccountAudience}.
 */
public final class Audience {

  private Audience() {}

  /** The audience a snapshot describes, or null when it read no breakdown. */
  public static JsonObject of(AccountInsightSnapshot snapshot) {
    if (snapshot.getDemographics().isEmpty()) {
      return null;
    }
    JsonArray breakdowns = new JsonArray();
    for (DemographicBreakdown breakdown : snapshot.getDemographics()) {
      breakdowns.add(breakdown(breakdown));
    }
    return new JsonObject()
        .put("igUserId", snapshot.getIgUserId())
        .put("capturedAt", snapshot.getCapturedAt().toString())
        .put("breakdowns", breakdowns);
  }

  /** Whether {@code candidate} should replace {@code current} (null: nothing stored yet). */
  public static boolean newer(JsonObject candidate, JsonObject current) {
    return current == null
        || Instant.parse(candidate.getString("capturedAt"))
            .isAfter(Instant.parse(current.getString("capturedAt")));
  }

  /**
   * The audience as published on {@code instagram.trends.audience}: the same numbers as the JSON.
   */
  public static AccountAudience toEvent(JsonObject audience) {
    List<AudienceBreakdown> breakdowns = new ArrayList<>();
    for (Object item : audience.getJsonArray("breakdowns")) {
      JsonObject breakdown = (JsonObject) item;
      List<AudienceShare> values = new ArrayList<>();
      for (Object v : breakdown.getJsonArray("values")) {
        JsonObject value = (JsonObject) v;
        values.add(
            new AudienceShare(
                value.getString("value"), value.getLong("count"), value.getDouble("share")));
      }
      breakdowns.add(
          new AudienceBreakdown(
              AudienceKind.valueOf(breakdown.getString("audience")),
              breakdown.getString("dimension"),
              breakdown.getLong("total"),
              values));
    }
    return new AccountAudience(
        audience.getString("igUserId"),
        Instant.parse(audience.getString("capturedAt")),
        breakdowns);
  }

  private static JsonObject breakdown(DemographicBreakdown breakdown) {
    List<Map.Entry<String, Long>> values = new ArrayList<>(breakdown.getValues().entrySet());
    values.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    long total = values.stream().mapToLong(Map.Entry::getValue).sum();
    JsonArray out = new JsonArray();
    for (Map.Entry<String, Long> value : values) {
      out.add(
          new JsonObject()
              .put("value", value.getKey())
              .put("count", value.getValue())
              .put("share", total == 0 ? 0.0 : (double) value.getValue() / total));
    }
    return new JsonObject()
        .put("audience", breakdown.getAudience().name())
        .put("dimension", breakdown.getDimension())
        .put("total", total)
        .put("values", out);
  }
}
