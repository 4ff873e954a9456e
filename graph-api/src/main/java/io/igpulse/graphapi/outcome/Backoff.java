package io.igpulse.graphapi.outcome;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delay before retry number {@code n} of a transient failure: exponential from a base, capped, with
 * jitter (a uniform draw in the upper half of the exponential bound), so that many clients that
 * failed together do not come back together.
 */
public final class Backoff {

  private final Duration base;
  private final Duration max;
  private final DoubleSupplier random;

  /**
   * @param random uniform draws in [0, 1); injectable so tests are exact
   */
  public Backoff(Duration base, Duration max, DoubleSupplier random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The upper bound of the delay before retry {@code retry} (1 = first retry). */
  public Duration bound(int retry) {
    long baseMs = Math.max(1, base.toMillis());
    int shift = Math.min(30, Math.max(0, retry - 1));
    long bound = baseMs << shift;
    return Duration.ofMillis(Math.min(max.toMillis(), bound));
  }

  /** A jittered delay in [bound/2, bound]: never zero, so a retry storm still spreads out. */
  public Duration delay(int retry) {
    long bound = bound(retry).toMillis();
    long half = bound / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (bound - half)));
  }
}
