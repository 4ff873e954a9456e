package io.igpulse.enricher.metrics;

import io.igpulse.enricher.snapshot.ReadOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The enricher's own meters. Labels are bounded: product types and outcomes are closed sets, and
 * quota use is labelled per account only for the first {@code maxLabelledAccounts} accounts seen;
 * the rest share the label {@code other} (their maximum), so 10,000 accounts never make 10,000
 * series.
 */
public final class EnricherMetrics {

  private final MeterRegistry registry;
  private final int maxLabelledAccounts;
  private final Map<String, AtomicLong> quotaPermille = new ConcurrentHashMap<>();
  private final Timer lag;
  private final Counter authFailures;
  private final Counter blocked;
  private final Counter accountSnapshots;
  private final Map<String, Long> duePerTask = new ConcurrentHashMap<>();

  public EnricherMetrics(MeterRegistry registry, int maxLabelledAccounts) {
    this.registry = registry;
    this.maxLabelledAccounts = maxLabelledAccounts;
    this.lag =
        Timer.builder("igpulse.enricher.schedule.lag")
            .description("How late a snapshot was taken after it was due")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(registry);
    this.authFailures =
        Counter.builder("igpulse.enricher.account.auth.failures")
            .description(
                "Reads refused because an account's token failed (see the log for the account)")
            .register(registry);
    this.blocked =
        Counter.builder("igpulse.enricher.account.blocked")
            .description(
                "Reads refused because the account lacks a permission (200) or is blocked (368);"
                    + " the account is paused, see the log for which")
            .register(registry);
    this.accountSnapshots =
        Counter.builder("igpulse.enricher.account.snapshots")
            .description("Account insight snapshots published")
            .register(registry);
    Gauge.builder(
            "igpulse.enricher.due",
            duePerTask,
            m -> m.values().stream().mapToLong(Long::longValue).sum())
        .description("Media due (or overdue) at the last round of this instance")
        .register(registry);
  }

  /** One media snapshot published, {@code lateBy} after its due time. */
  public void snapshot(String productType, Duration lateBy) {
    registry.counter("igpulse.enricher.snapshots", "product_type", productType).increment();
    lag.record(lateBy.isNegative() ? Duration.ZERO : lateBy);
  }

  /** What became of one media read: snapshot, retry, pause, leave. */
  public void read(String outcome) {
    registry.counter("igpulse.enricher.media.reads", "outcome", outcome).increment();
  }

  /** Media read in one request round of one account (batch items the API charges as calls). */
  public void calls(int items) {
    registry.counter("igpulse.enricher.calls").increment(items);
  }

  /** An account paused for a reason someone must act on (see {@link ReadOutcome.PauseCause}). */
  public void accountPaused(ReadOutcome.PauseCause cause) {
    if (cause == ReadOutcome.PauseCause.AUTH_FAILED) {
      authFailures.increment();
    } else if (cause == ReadOutcome.PauseCause.BLOCKED) {
      blocked.increment();
    }
  }

  public void accountSnapshot() {
    accountSnapshots.increment();
  }

  public void forgetTask(String task) {
    duePerTask.remove(task);
  }

  /** Media due at the last round of one task (the gauge sums the tasks of this instance). */
  public void due(String task, long count) {
    duePerTask.put(task, count);
  }

  /** Fraction of its hourly call allowance an account has spent (bucket level). */
  public void quotaUsed(String account, double fraction) {
    long permille = Math.round(Math.max(0, Math.min(1, fraction)) * 1000);
    AtomicLong slot = quotaPermille.get(account);
    if (slot == null && quotaPermille.size() < maxLabelledAccounts) {
      slot =
          quotaPermille.computeIfAbsent(
              account,
              a -> {
                AtomicLong v = new AtomicLong();
                Gauge.builder("igpulse.enricher.quota.used", v, x -> x.get() / 1000.0)
                    .tag("account", a)
                    .register(registry);
                return v;
              });
    }
    if (slot == null) {
      AtomicLong other =
          quotaPermille.computeIfAbsent(
              "other",
              a -> {
                AtomicLong v = new AtomicLong();
                Gauge.builder("igpulse.enricher.quota.used", v, x -> x.get() / 1000.0)
                    .tag("account", a)
                    .register(registry);
                return v;
              });
      other.accumulateAndGet(permille, Math::max);
      return;
    }
    slot.set(permille);
  }

  /** Media snapshots published by this instance, all product types. */
  public long snapshots() {
    return (long)
        registry.find("igpulse.enricher.snapshots").counters().stream()
            .mapToDouble(Counter::count)
            .sum();
  }

  public long count(String name, String... tags) {
    Counter c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : (long) c.count();
  }
}
