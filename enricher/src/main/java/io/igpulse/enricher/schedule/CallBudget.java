package io.igpulse.enricher.schedule;

import java.util.HashMap;
import java.util.Map;

/**
 * Calls each account may still spend, as a token bucket refilled at the configured calls per hour
 * (a batch item is charged by the API as one call, so one media read costs one token). A throttle
 * or an auth failure empties the account's bucket until a given time. Kept in memory: after a
 * restart the bucket starts full, and the API's own usage headers (the client's pacer) guard the
 * rest.
 */
public final class CallBudget {

  private record Bucket(double tokens, long at, long blockedUntil) {}

  private final double perHour;
  private final double capacity;
  private final Map<String, Bucket> buckets = new HashMap<>();

  /**
   * @param perHour refill rate per account
   * @param burst the bucket size: calls an account may spend at once after a quiet spell
   */
  public CallBudget(int perHour, int burst) {
    if (perHour < 1 || burst < 1) {
      throw new IllegalArgumentException("calls per hour and burst must be >= 1");
    }
    this.perHour = perHour;
    this.capacity = burst;
  }

  public synchronized int available(String account, long now) {
    Bucket b = refill(account, now);
    return now < b.blockedUntil ? 0 : (int) Math.floor(b.tokens);
  }

  public synchronized void spend(String account, int calls, long now) {
    Bucket b = refill(account, now);
    buckets.put(account, new Bucket(Math.max(0, b.tokens - calls), now, b.blockedUntil));
  }

  /** No calls for this account before {@code until}. */
  public synchronized void blockUntil(String account, long until, long now) {
    Bucket b = refill(account, now);
    buckets.put(account, new Bucket(b.tokens, now, Math.max(until, b.blockedUntil)));
  }

  /** Fraction of the hourly allowance spent, by the bucket's level (for the quota gauge). */
  public synchronized double used(String account, long now) {
    Bucket b = refill(account, now);
    return 1.0 - b.tokens / capacity;
  }

  private Bucket refill(String account, long now) {
    Bucket b = buckets.get(account);
    if (b == null) {
      b = new Bucket(capacity, now, 0);
      buckets.put(account, b);
      return b;
    }
    long elapsed = Math.max(0, now - b.at);
    double tokens = Math.min(capacity, b.tokens + elapsed * perHour / 3_600_000.0);
    Bucket fresh = new Bucket(tokens, Math.max(now, b.at), b.blockedUntil);
    buckets.put(account, fresh);
    return fresh;
  }
}
