package io.igpulse.graphapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lifetime totals of one media at the moment of the call. A metric the API had no data for is
 * absent, not zero (the API answers an empty list), so a later snapshot is not read as a drop.
 */
public record MediaInsights(String mediaId, Map<String, Long> values) {

  public MediaInsights {
    values = Map.copyOf(values);
  }

  /** Parses {@code {"data":[{"name":"reach","values":[{"value":26}]}, ...]}}. */
  public static MediaInsights from(String mediaId, JsonNode body) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (JsonNode metric : body.path("data")) {
      JsonNode list = metric.path("values");
      if (list.isArray() && !list.isEmpty()) {
        JsonNode value = list.get(list.size() - 1).path("value");
        if (value.canConvertToLong()) {
          values.put(metric.path("name").asText(), value.asLong());
        }
      } else if (metric.path("total_value").path("value").canConvertToLong()) {
        values.put(metric.path("name").asText(), metric.path("total_value").path("value").asLong());
      }
    }
    return new MediaInsights(mediaId, values);
  }
}
