package io.igpulse.graphapi.metrics;

import io.igpulse.graphapi.outcome.GraphError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which metrics of a request a code-100 refusal rules out. Meta words the refusal three ways: it
 * names the metric, or it points at {@code metric[i]} of the request and lists what it accepts. A
 * listed allowance rules out every asked metric outside it at once, so a request with two refused
 * metrics costs one failed call, not two. Pure.
 */
public final class RefusedMetrics {

  private RefusedMetrics() {}

  /**
   * The asked metrics to drop, in request order; empty when the refusal names nothing the request
   * carried (the caller must then find the culprit itself).
   */
  public static List<String> of(GraphError.UnsupportedMetric refusal, List<String> asked) {
    Set<String> drop = new LinkedHashSet<>();
    if (refusal.metric() != null && asked.contains(refusal.metric())) {
      drop.add(refusal.metric());
    } else if (refusal.metric() == null && refusal.index() >= 0 && refusal.index() < asked.size()) {
      drop.add(asked.get(refusal.index()));
    }
    if (!refusal.allowed().isEmpty()) {
      for (String metric : asked) {
        if (!refusal.allowed().contains(metric)) {
          drop.add(metric);
        }
      }
    }
    if (drop.size() == asked.size()) {
      // Dropping all would leave nothing to ask: trust only the pointed-at metric.
      drop.retainAll(
          refusal.metric() != null
              ? Set.of(refusal.metric())
              : refusal.index() >= 0 && refusal.index() < asked.size()
                  ? Set.of(asked.get(refusal.index()))
                  : Set.of());
    }
    return List.copyOf(drop);
  }
}
