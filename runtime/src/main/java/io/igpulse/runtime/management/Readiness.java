package io.igpulse.runtime.management;

import java.util.Map;

/**
 * What {@code /health/ready} answers: up or not, and details for the operator (bounded, no
 * secrets).
 */
public record Readiness(boolean up, Map<String, Object> details) {

  public Readiness {
    details = Map.copyOf(details);
  }

  public static Readiness up(Map<String, Object> details) {
    return new Readiness(true, details);
  }

  public static Readiness down(Map<String, Object> details) {
    return new Readiness(false, details);
  }
}
