package io.igpulse.graphapi;

import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.pacing.Pacer;
import io.igpulse.graphapi.pacing.PacingClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's Micrometer meters: HTTP requests by endpoint and outcome, retries, metrics dropped
 * by self-healing, and the current usage of each pacing key as a gauge. Labels are bounded: an
 * endpoint label, an outcome type name, a media kind, catalog metric names, and pacing keys (one
 * per account or token fingerprint, never a token).
 */
public final class GraphMetrics {

  private final MeterRegistry registry;
  private final Set<String> gauged = ConcurrentHashMap.newKeySet();

  public GraphMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void request(String endpoint, GraphError error) {
    String outcome =
        error == null ? "ok" : error.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    Counter.builder("igpulse.graph.requests")
        .description("HTTP requests to the Graph API")
        .tag("endpoint", endpoint == null ? "other" : endpoint)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  public void retry(String endpoint) {
    Counter.builder("igpulse.graph.retries")
        .tag("endpoint", endpoint == null ? "other" : endpoint)
        .register(registry)
        .increment();
  }

  public void metricDropped(String scope, String metric) {
    Counter.builder("igpulse.graph.metrics.dropped")
        .description("metrics the API refused and the client stopped asking for")
        .tag("scope", scope)
        .tag("metric", metric)
        .register(registry)
        .increment();
  }

  /** Registers (once) a gauge of the estimated usage fraction of a pacing key. */
  public void usageGauge(String key, Pacer pacer, PacingClock clock) {
    if (gauged.add(key)) {
      Gauge.builder(
              "igpulse.graph.usage", pacer, p -> p.estimatedUsage(key, clock.now()).orElse(0.0))
          .description("estimated fraction of the rate-limit budget in use (1.0 = throttled)")
          .tag("key", key)
          .register(registry);
    }
  }

  public double count(String name, String... tags) {
    return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
  }
}
