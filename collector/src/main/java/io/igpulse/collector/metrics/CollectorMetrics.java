package io.igpulse.collector.metrics;

import io.igpulse.events.DiscoverySource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The collector's own meters. Label values come from closed sets (sources, task names, outcome
 * names), never from account ids or hashtags, so their number stays bounded however many accounts
 * are followed; per-account detail goes to the log and to {@code GET /admin/accounts}.
 */
public final class CollectorMetrics {

  private final MeterRegistry registry;

  public CollectorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void discovered(DiscoverySource source, int n) {
    Counter.builder("igpulse.collector.discovered")
        .description("media emitted to instagram.media.discovered, by source")
        .tag("source", source.name())
        .register(registry)
        .increment(n);
  }

  public void transaction(String outcome) {
    Counter.builder("igpulse.collector.transactions")
        .description("emit transactions by outcome (committed, aborted, fenced)")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  public void pollError(String task, String kind) {
    Counter.builder("igpulse.collector.poll.errors")
        .description("polls refused by the API, by task and error kind")
        .tag("task", task)
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  public void hashtagRefused() {
    Counter.builder("igpulse.collector.hashtags.refused")
        .description("hashtags that could not be added: the 30-per-7-days budget is spent")
        .register(registry)
        .increment();
  }

  /** An account asks for hashtags its login (Instagram Login) cannot search. */
  public void hashtagsUnavailable() {
    Counter.builder("igpulse.collector.hashtags.unavailable")
        .description(
            "accounts whose hashtags are not tracked: Instagram Login has no hashtag search")
        .register(registry)
        .increment();
  }

  public void webhook(String outcome) {
    Counter.builder("igpulse.collector.webhooks")
        .description("webhook requests by outcome (accepted, unsigned, forged, malformed, ...)")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A request refused with 503 because its route's workers and queue were all taken. */
  public void httpRefused(String route) {
    Counter.builder("igpulse.collector.http.refused")
        .description("requests answered 503 + Retry-After: every worker and queue place taken")
        .tag("route", route)
        .register(registry)
        .increment();
  }

  /** Requests of a route running or waiting for a worker now. */
  public void httpInProgress(String route, Supplier<Number> value) {
    Gauge.builder("igpulse.collector.http.in.progress", value)
        .description("requests running or waiting for a worker, by route")
        .tag("route", route)
        .register(registry);
  }

  public void deadLettered() {
    Counter.builder("igpulse.collector.deadletters")
        .description("undecodable records of instagram.accounts sent to igpulse.deadletter")
        .register(registry)
        .increment();
  }

  public void seenExpired(int n) {
    if (n > 0) {
      Counter.builder("igpulse.collector.seen.expired")
          .description(
              "seen markers deleted because their media can no longer be listed (stories, recent"
                  + " hashtag media)")
          .register(registry)
          .increment(n);
    }
  }

  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }
}
