package io.igpulse.simulator.api;

import java.time.Duration;

/**
 * Tunables of the insight rules that GRAPH-API.md leaves open.
 *
 * @param freshMediaDelay media younger than this answer an empty {@code data} array (the real API
 *     fills insights in with a delay; the exact delay is unconfirmed)
 * @param storyMinViewers stories reached by fewer accounts answer code 10
 * @param retiredVersionFallback serve a version older than the oldest supported one as the oldest
 *     (GRAPH-API.md: "silently served as the oldest live one (unconfirmed)"); when false it is an
 *     unknown path
 */
public record InsightRules(
    Duration freshMediaDelay, int storyMinViewers, boolean retiredVersionFallback) {

  public static InsightRules defaults() {
    return new InsightRules(Duration.ofMinutes(10), 5, true);
  }
}
