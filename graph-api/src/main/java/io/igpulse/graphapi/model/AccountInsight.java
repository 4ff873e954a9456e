package io.igpulse.graphapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One account metric in either shape the API answers: {@code time_series} (a value per period end)
 * or {@code total_value} (one total, optionally broken down by dimensions such as city or age).
 */
public record AccountInsight(
    String name, String period, List<Point> series, Long total, List<BreakdownValue> breakdowns) {

  /** One time-series value; {@code endTime} as the API prints it. */
  public record Point(long value, String endTime) {}

  /** One breakdown cell: dimension keys (e.g. city) with their values and the count. */
  public record BreakdownValue(List<String> keys, List<String> values, long value) {}

  public static List<AccountInsight> listFrom(JsonNode body) {
    List<AccountInsight> out = new ArrayList<>();
    for (JsonNode m : body.path("data")) {
      out.add(from(m));
    }
    return out;
  }

  static AccountInsight from(JsonNode m) {
    List<Point> series = new ArrayList<>();
    for (JsonNode v : m.path("values")) {
      series.add(new Point(v.path("value").asLong(), Json.text(v, "end_time")));
    }
    JsonNode tv = m.path("total_value");
    Long total = tv.path("value").canConvertToLong() ? tv.path("value").asLong() : null;
    List<BreakdownValue> cells = new ArrayList<>();
    for (JsonNode b : tv.path("breakdowns")) {
      List<String> keys = texts(b.path("dimension_keys"));
      for (JsonNode r : b.path("results")) {
        cells.add(
            new BreakdownValue(keys, texts(r.path("dimension_values")), r.path("value").asLong()));
      }
    }
    return new AccountInsight(
        m.path("name").asText(),
        Json.text(m, "period"),
        List.copyOf(series),
        total,
        List.copyOf(cells));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
