package io.igpulse.simulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * The simulated time every answer and the ground truth follow. It runs at a configurable speed (0
 * freezes it, 3600 makes an hour pass per second) and can be advanced or set by hand, so that a day
 * of Instagram passes in seconds and tests can pin time exactly.
 */
public final class SimClock {

  private final LongSupplier realNanos;
  private Anchor anchor;

  private record Anchor(long simMillis, long realNanos, double speed) {}

  public SimClock(Instant start, double speed) {
    this(start, speed, System::nanoTime);
  }

  /** With an injectable real time source, for tests of the clock itself. */
  public SimClock(Instant start, double speed, LongSupplier realNanos) {
    requireSpeed(speed);
    this.realNanos = realNanos;
    this.anchor = new Anchor(start.toEpochMilli(), realNanos.getAsLong(), speed);
  }

  public synchronized long nowMillis() {
    Anchor a = anchor;
    if (a.speed == 0) {
      return a.simMillis;
    }
    double elapsedMillis = (realNanos.getAsLong() - a.realNanos) / 1_000_000.0;
    return a.simMillis + (long) (elapsedMillis * a.speed);
  }

  /**
   * This clock as a {@link java.time.Clock} (UTC), for code under test that takes its "now" from an
   * injected clock: it then follows the simulated time, frozen, sped up or moved by hand.
   */
  public Clock asJavaClock() {
    SimClock simulated = this;
    return new Clock() {
      @Override
      public Instant instant() {
        return simulated.now();
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
  }

  public Instant now() {
    return Instant.ofEpochMilli(nowMillis());
  }

  public long nowEpochSecond() {
    return Math.floorDiv(nowMillis(), 1000L);
  }

  public synchronized double speed() {
    return anchor.speed;
  }

  public synchronized void setSpeed(double speed) {
    requireSpeed(speed);
    anchor = new Anchor(nowMillis(), realNanos.getAsLong(), speed);
  }

  /** Moves simulated time forward; never backwards, so lifetime totals never shrink. */
  public synchronized void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward: " + by);
    }
    anchor = new Anchor(nowMillis() + by.toMillis(), realNanos.getAsLong(), anchor.speed);
  }

  /** Sets simulated time; refuses to go back for the same reason as {@link #advance}. */
  public synchronized void set(Instant to) {
    long now = nowMillis();
    if (to.toEpochMilli() < now) {
      throw new IllegalArgumentException("the clock only moves forward: " + to);
    }
    anchor = new Anchor(to.toEpochMilli(), realNanos.getAsLong(), anchor.speed);
  }

  private static void requireSpeed(double speed) {
    if (!(speed >= 0 && speed <= 1_000_000)) {
      throw new IllegalArgumentException("speed must be between 0 and 1000000: " + speed);
    }
  }
}
