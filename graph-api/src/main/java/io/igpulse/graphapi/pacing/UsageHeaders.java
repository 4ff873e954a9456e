package io.igpulse.graphapi.pacing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the two usage headers. They are JSON inside a header and not always present (batch items,
 * errors, the Instagram host): anything unreadable counts as "no information", never as an error.
 */
public final class UsageHeaders {

  public static final String APP = "X-App-Usage";
  public static final String BUSINESS = "X-Business-Use-Case-Usage";
  private static final ObjectMapper JSON = new ObjectMapper();

  private UsageHeaders() {}

  public static Usage parse(String appHeader, String businessHeader) {
    Optional<Double> app = Optional.empty();
    Map<String, Double> business = new HashMap<>();
    long regainMinutes = 0;
    JsonNode a = read(appHeader);
    if (a != null && a.isObject()) {
      app = Optional.of(fraction(a));
    }
    JsonNode b = read(businessHeader);
    if (b != null && b.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = b.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        double worst = 0;
        for (JsonNode item : e.getValue()) {
          worst = Math.max(worst, fraction(item));
          regainMinutes =
              Math.max(regainMinutes, item.path("estimated_time_to_regain_access").asLong(0));
        }
        business.put(e.getKey(), worst);
      }
    }
    return new Usage(app, Map.copyOf(business), Duration.ofMinutes(regainMinutes));
  }

  private static double fraction(JsonNode n) {
    double pct =
        Math.max(
            n.path("call_count").asDouble(0),
            Math.max(n.path("total_time").asDouble(0), n.path("total_cputime").asDouble(0)));
    return pct / 100.0;
  }

  private static JsonNode read(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(header);
    } catch (Exception e) {
      return null;
    }
  }
}
