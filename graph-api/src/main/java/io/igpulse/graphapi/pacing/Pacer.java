package io.igpulse.graphapi.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides how long to wait before the next call on a usage key (a token, an account). Pure: no
 * clock, no I/O; the transport asks before each call and reports what came back.
 *
 * <p>The model: every key has a rolling window (an hour for app usage, a day for business use case
 * usage) and the last reported usage fraction. The client remembers when it made its own calls, so
 * it can estimate the cost of one call ({@code usage / own calls in window}) and how far usage has
 * fallen since the last answer (own calls that have left the window since then). Then:
 *
 * <ul>
 *   <li>while throttled: wait until the announced time to regain access;
 *   <li>if one more call would pass the target: wait until the oldest own call leaves the window;
 *   <li>in the slow-down band (from {@code slowdownFrom × target}): space calls at the rate that
 *       the window sustains ({@code window × cost of one call});
 *   <li>otherwise: no wait.
 * </ul>
 *
 * Usage caused by others than this client makes the cost estimate larger, which errs on the safe
 * side.
 */
public final class Pacer {

  private final double target;
  private final double slowdownFrom;
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final Map<String, KeyState> keys = new ConcurrentHashMap<>();
  private volatile Instant nextSweep = Instant.MIN;

  /**
   * @param target usage fraction to stay under, e.g. 0.75
   * @param slowdownFrom fraction of the target where spacing starts, e.g. 0.8
   */
  public Pacer(double target, double slowdownFrom) {
    this.target = target;
    this.slowdownFrom = slowdownFrom;
  }

  public double target() {
    return target;
  }

  /** The wait before a call that spends on all of {@code keysOfCall}. */
  public Duration delayBefore(Collection<String> keysOfCall, Instant now) {
    Duration wait = Duration.ZERO;
    for (String key : keysOfCall) {
      KeyState state = keys.get(key);
      if (state != null) {
        Duration d = state.delay(now);
        if (d.compareTo(wait) > 0) {
          wait = d;
        }
      }
    }
    return wait;
  }

  /** Notes that a call spending on these keys is being made now. */
  public void recordCall(Collection<String> keysOfCall, Instant now) {
    for (String key : keysOfCall) {
      KeyState state = keys.get(key);
      if (state != null) {
        state.call(now);
      }
    }
  }

  /** Reports the usage fraction a response gave for {@code key}, whose window is {@code window}. */
  public void observe(String key, double fraction, Duration window, Instant now) {
    forgetIdle(now);
    keys.computeIfAbsent(key, k -> new KeyState(window)).observe(fraction, now);
  }

  /**
   * Drops the keys that have been idle for a whole window: no own call and no report in it, and not
   * throttled. Their reported usage has rolled out of the API's own window, so forgetting them
   * changes no decision; keeping them would grow the map with every token and account ever seen
   * (accounts deactivated, tokens refreshed). Runs at most once a minute, from {@link #observe}.
   */
  void forgetIdle(Instant now) {
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(SWEEP_EVERY);
    keys.values().removeIf(state -> state.idle(now));
  }

  /** The highest estimated usage among the keys starting with {@code prefix}, for gauges. */
  public Optional<Double> highestUsage(String prefix, Instant now) {
    return keys.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .map(e -> e.getValue().estimate(now))
        .max(Double::compare);
  }

  /** The key is throttled: no calls until {@code now + wait}. */
  public void throttled(String key, Duration window, Duration wait, Instant now) {
    keys.computeIfAbsent(key, k -> new KeyState(window)).throttle(now.plus(wait));
  }

  /** Estimated current usage of a key (for gauges), empty when never reported. */
  public Optional<Double> estimatedUsage(String key, Instant now) {
    KeyState state = keys.get(key);
    return state == null ? Optional.empty() : Optional.of(state.estimate(now));
  }

  public Collection<String> knownKeys() {
    return keys.keySet();
  }

  private final class KeyState {
    private final Duration window;
    private final Deque<Instant> ownCalls = new ArrayDeque<>();
    private double reported;
    private int ownAtReport;
    private int expiredSinceReport;
    private Instant throttledUntil = Instant.MIN;
    private Instant lastCall = Instant.MIN;
    private Instant lastReport = Instant.MIN;

    KeyState(Duration window) {
      this.window = window;
    }

    synchronized void call(Instant now) {
      prune(now);
      ownCalls.addLast(now);
      lastCall = now;
    }

    synchronized void observe(double fraction, Instant now) {
      prune(now);
      lastReport = now;
      reported = fraction;
      ownAtReport = ownCalls.size();
      expiredSinceReport = 0;
    }

    synchronized void throttle(Instant until) {
      if (until.isAfter(throttledUntil)) {
        throttledUntil = until;
      }
    }

    synchronized double estimate(Instant now) {
      prune(now);
      return Math.max(0, reported - expiredSinceReport * costOfOneCall());
    }

    private double costOfOneCall() {
      return ownAtReport == 0 ? 0 : reported / ownAtReport;
    }

    synchronized Duration delay(Instant now) {
      if (now.isBefore(throttledUntil)) {
        return Duration.between(now, throttledUntil);
      }
      double usage = estimate(now);
      double cost = costOfOneCall();
      if (usage + cost > target) {
        Instant oldest = ownCalls.peekFirst();
        Instant freed = oldest == null ? now.plus(window.dividedBy(60)) : oldest.plus(window);
        return positive(Duration.between(now, freed).plusMillis(1));
      }
      if (usage >= target * slowdownFrom && cost > 0) {
        Duration spacing = Duration.ofMillis((long) (window.toMillis() * cost));
        return positive(Duration.between(now, lastCall.plus(spacing)));
      }
      return Duration.ZERO;
    }

    synchronized boolean idle(Instant now) {
      prune(now);
      Instant horizon = now.minus(window);
      return ownCalls.isEmpty()
          && !now.isBefore(throttledUntil)
          && !lastReport.isAfter(horizon)
          && !lastCall.isAfter(horizon);
    }

    private void prune(Instant now) {
      Instant horizon = now.minus(window);
      while (!ownCalls.isEmpty() && !ownCalls.peekFirst().isAfter(horizon)) {
        ownCalls.removeFirst();
        if (ownAtReport > 0 && expiredSinceReport < ownAtReport) {
          expiredSinceReport++;
        }
      }
    }

    private Duration positive(Duration d) {
      return d.isNegative() ? Duration.ZERO : d;
    }
  }
}
