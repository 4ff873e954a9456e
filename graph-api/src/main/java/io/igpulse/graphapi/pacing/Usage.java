package io.igpulse.graphapi.pacing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The quota usage one response reported, as fractions of the budget (1.0 = throttled).
 *
 * @param app from {@code X-App-Usage} (the largest of call count, total time and CPU time), or
 *     empty when the header was absent
 * @param business per business id from {@code X-Business-Use-Case-Usage}
 * @param regainAccess the largest {@code estimated_time_to_regain_access}, zero when none
 */
public record Usage(Optional<Double> app, Map<String, Double> business, Duration regainAccess) {

  public static final Usage NONE = new Usage(Optional.empty(), Map.of(), Duration.ZERO);

  /** The largest business-use-case fraction reported, or empty. */
  public Optional<Double> maxBusiness() {
    return business.values().stream().max(Double::compare);
  }

  public boolean isEmpty() {
    return app.isEmpty() && business.isEmpty();
  }
}
