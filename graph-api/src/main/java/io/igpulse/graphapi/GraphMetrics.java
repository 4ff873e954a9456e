package io.igpulse.graphapi;

import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.pacing.Pacer;
import io.igpulse.graphapi.pacing.PacingClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client's Micrometer meters: HTTP requests by endpoint and outcome, retries, metrics dropped
 * by self-healing, and the current usage of each pacing key as a gauge. Labels are bounded: an
 * endpoint label, an outcome type name, a media kind, catalog metric names, and a usage scope
 * ({@code app} or {@code business}); never an account id or a token.
 */
public final class GraphMetrics {

  private final MeterRegistry registry;

  /** Usage gauge scope label → the prefix of its pacing keys. */
  private static final Map<String, String> SCOPES = Map.of("app", "token:", "business", "account:");

  private final AtomicBoolean gauged = new AtomicBoolean();

  public GraphMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void request(String endpoint, GraphError error) {
    String outcome =
        error == null ? "ok" : error.getClass().getSimpleName().toLowerCase(Locale.ROOT);
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

  /**
   * Registers (once) the usage gauges: the highest estimated usage fraction over the keys of each
   * scope, {@code app} (token keys, hourly) and {@code business} (account keys, daily). Per-key
   * gauges would put an account id on a label and grow with every account ever seen; the most
   * loaded key is what an operator alerts on.
   */
  public void usageGauges(Pacer pacer, PacingClock clock) {
    if (gauged.compareAndSet(false, true)) {
      for (Map.Entry<String, String> scope : SCOPES.entrySet()) {
        Gauge.builder(
                "igpulse.graph.usage",
                pacer,
                p -> p.highestUsage(scope.getValue(), clock.now()).orElse(0.0))
            .description(
                "highest estimated fraction of a rate-limit budget in use (1.0 = throttled)")
            .tag("scope", scope.getKey())
            .register(registry);
      }
    }
  }

  public double count(String name, String... tags) {
    return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
  }
}
