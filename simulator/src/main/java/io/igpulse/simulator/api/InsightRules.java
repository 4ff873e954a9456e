package io.igpulse.simulator.api;

import java.time.Duration;
import java.util.Set;

/**
 * Tunables of the insight rules that GRAPH-API.md leaves open.
 *
 * @param freshMediaDelay media younger than this answer an empty {@code data} array (the real API
 *     fills insights in with a delay; the exact delay is unconfirmed)
 * @param storyMinViewers stories reached by fewer accounts answer code 10
 * @param retiredVersionFallback serve a version older than the oldest supported one as the oldest
 *     (GRAPH-API.md: "silently served as the oldest live one (unconfirmed)"); when false it is an
 *     unknown path
 * @param refusalWording how a refused metric is worded ({@link RefusalWording#BY_VERSION} by
 *     default)
 * @param newApp the app was created after v27 (2026-11-04): multi-id {@code ids=} reads are refused
 *     on every version (field aliases and asynchronous batch are not simulated at all)
 * @param retiredMetrics media metrics refused on top of the rules, on every version and kind: a
 *     retirement Meta announces tomorrow, for tests of a client's self-healing
 */
public record InsightRules(
    Duration freshMediaDelay,
    int storyMinViewers,
    boolean retiredVersionFallback,
    RefusalWording refusalWording,
    boolean newApp,
    Set<String> retiredMetrics) {

  public InsightRules {
    retiredMetrics = Set.copyOf(retiredMetrics);
  }

  public InsightRules(
      Duration freshMediaDelay, int storyMinViewers, boolean retiredVersionFallback) {
    this(
        freshMediaDelay,
        storyMinViewers,
        retiredVersionFallback,
        RefusalWording.BY_VERSION,
        false,
        Set.of());
  }

  public static InsightRules defaults() {
    return new InsightRules(Duration.ofMinutes(10), 5, true);
  }

  /** Whether {@code metric} is retired on top of the rules. */
  public boolean retires(String metric) {
    return retiredMetrics.contains(metric);
  }

  public InsightRules withRefusalWording(RefusalWording wording) {
    return new InsightRules(
        freshMediaDelay, storyMinViewers, retiredVersionFallback, wording, newApp, retiredMetrics);
  }

  public InsightRules withNewApp(boolean value) {
    return new InsightRules(
        freshMediaDelay,
        storyMinViewers,
        retiredVersionFallback,
        refusalWording,
        value,
        retiredMetrics);
  }

  public InsightRules withRetiredMetrics(Set<String> metrics) {
    return new InsightRules(
        freshMediaDelay, storyMinViewers, retiredVersionFallback, refusalWording, newApp, metrics);
  }
}
