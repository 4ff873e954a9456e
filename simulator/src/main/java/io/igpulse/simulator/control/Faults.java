package io.igpulse.simulator.control;

import io.igpulse.simulator.api.Endpoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults currently armed. Rates draw from a generator seeded by the world seed, so a run with
 * the same calls injects the same faults.
 */
public final class Faults {

  /** The faults that fire for one call: summed latency plus at most one outcome. */
  public record Decision(long latencyMs, FaultRule outcome, long slowBodyDelayMs) {
    public static final Decision NONE = new Decision(0, null, 0);

    public boolean isNone() {
      return latencyMs == 0 && outcome == null && slowBodyDelayMs == 0;
    }
  }

  private final SplittableRandom random;
  private final List<FaultRule> rules = new ArrayList<>();
  private final List<Integer> remaining = new ArrayList<>();
  private int nextId = 1;
  private volatile boolean armed;

  public Faults(long seed) {
    this.random = new SplittableRandom(seed ^ 0x5eed_fa17L);
  }

  public synchronized FaultRule add(
      FaultKind kind, Endpoint endpoint, double rate, int count, long delayMs) {
    return add(kind, endpoint, rate, count, delayMs, 0, null);
  }

  /** A fault; {@code code}/{@code subcode} name the error a GRAPH_ERROR fault answers. */
  public synchronized FaultRule add(
      FaultKind kind,
      Endpoint endpoint,
      double rate,
      int count,
      long delayMs,
      int code,
      Integer subcode) {
    if (kind == FaultKind.GRAPH_ERROR && code <= 0) {
      throw new IllegalArgumentException("a graph_error fault needs a code > 0");
    }
    if (count < 0 || rate < 0 || rate > 1 || (count == 0 && rate == 0)) {
      throw new IllegalArgumentException("a fault needs a count > 0 or a rate in (0, 1]");
    }
    FaultRule rule = new FaultRule(nextId++, kind, endpoint, rate, count, delayMs, code, subcode);
    rules.add(rule);
    remaining.add(count);
    armed = true;
    return rule;
  }

  /** Whether any fault is armed; checked on every call, so it avoids the lock. */
  public boolean armed() {
    return armed;
  }

  public synchronized List<FaultRule> list() {
    return List.copyOf(rules);
  }

  public synchronized void clear() {
    rules.clear();
    remaining.clear();
    armed = false;
  }

  /** Which faults fire for this call; counted rules are used up as they fire. */
  public synchronized Decision decide(Endpoint endpoint) {
    if (rules.isEmpty()) {
      return Decision.NONE;
    }
    long latency = 0;
    long slow = 0;
    FaultRule outcome = null;
    Iterator<FaultRule> it = rules.iterator();
    int i = 0;
    while (it.hasNext()) {
      FaultRule rule = it.next();
      if (!rule.matches(endpoint) || (outcome != null && isOutcome(rule.kind()))) {
        i++;
        continue;
      }
      boolean fires;
      if (rule.count() > 0) {
        int left = remaining.get(i);
        fires = true;
        if (left <= 1) {
          it.remove();
          remaining.remove(i);
          i--;
        } else {
          remaining.set(i, left - 1);
        }
      } else {
        fires = random.nextDouble() < rule.rate();
      }
      if (fires) {
        switch (rule.kind()) {
          case LATENCY -> latency += rule.delayMs();
          case SLOW_BODY -> slow = Math.max(slow, Math.max(1, rule.delayMs()));
          default -> outcome = rule;
        }
      }
      i++;
    }
    armed = !rules.isEmpty();
    return new Decision(latency, outcome, slow);
  }

  private static boolean isOutcome(FaultKind kind) {
    return kind != FaultKind.LATENCY && kind != FaultKind.SLOW_BODY;
  }
}
