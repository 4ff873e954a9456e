package io.igpulse.runtime.log;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Lets one log line through per interval and counts the ones it holds back. For events an outsider
 * can cause at will (unsigned webhook posts): a flood must not fill the disk or bury other lines in
 * the log, and a counter metric, not the log, is where their rate is read. The line that goes
 * through says how many were held back since the previous one.
 */
public final class LogRateLimit {

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private long nextAllowed;
  private boolean started;
  private long heldBack;

  public LogRateLimit(Duration interval) {
    this(interval, System::nanoTime);
  }

  /**
   * @param nanoTime a monotonic clock in nanoseconds (tests pass their own)
   */
  public LogRateLimit(Duration interval, LongSupplier nanoTime) {
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Whether to log this event: -1 when it is held back, else the number of events held back since
   * the last one logged (to put in the line).
   */
  public synchronized long permit() {
    long now = nanoTime.getAsLong();
    if (started && now - nextAllowed < 0) {
      heldBack++;
      return -1;
    }
    started = true;
    nextAllowed = now + intervalNanos;
    long held = heldBack;
    heldBack = 0;
    return held;
  }
}
