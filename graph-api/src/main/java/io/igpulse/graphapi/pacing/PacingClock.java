package io.igpulse.graphapi.pacing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;

/**
 * Time as the pacer and the retry loop see it. In production a wall clock whose waits are Vert.x
 * timers (never a blocked thread); a test or a simulation can substitute its own notion of time,
 * e.g. one that advances a simulator's clock instead of waiting.
 */
public interface PacingClock {

  Instant now();

  /** Completes after {@code d}; completes at once for zero. */
  Future<Void> sleep(Duration d);

  static PacingClock system(Vertx vertx) {
    return new PacingClock() {
      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public Future<Void> sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
          return Future.succeededFuture();
        }
        return vertx.timer(Math.max(1, d.toMillis())).mapEmpty();
      }
    };
  }
}
