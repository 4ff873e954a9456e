package io.igpulse.simulator.api.limits;

import java.util.Arrays;

/**
 * Calls counted over a sliding window of simulated time, in fixed buckets (e.g. 24 h in 96 quarter
 * hours). Not thread-safe: callers synchronise.
 */
public final class WindowCounter {

  private final long bucketSec;
  private final long[] slots;
  private final long[] counts;

  public WindowCounter(long windowSec, int buckets) {
    this.bucketSec = windowSec / buckets;
    this.slots = new long[buckets];
    this.counts = new long[buckets];
    Arrays.fill(slots, Long.MIN_VALUE);
  }

  public void add(long nowSec) {
    long slot = Math.floorDiv(nowSec, bucketSec);
    int i = (int) Math.floorMod(slot, (long) slots.length);
    if (slots[i] != slot) {
      slots[i] = slot;
      counts[i] = 0;
    }
    counts[i]++;
  }

  public long total(long nowSec) {
    long current = Math.floorDiv(nowSec, bucketSec);
    long sum = 0;
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] > current - slots.length && slots[i] <= current) {
        sum += counts[i];
      }
    }
    return sum;
  }

  /** Seconds until the total drops below {@code budget} if no more calls arrive; 0 if it is. */
  public long secondsUntilBelow(long nowSec, long budget) {
    long total = total(nowSec);
    if (total < budget) {
      return 0;
    }
    long current = Math.floorDiv(nowSec, bucketSec);
    for (long slot = current - slots.length + 1; slot <= current; slot++) {
      int i = (int) Math.floorMod(slot, (long) slots.length);
      if (slots[i] == slot) {
        total -= counts[i];
      }
      if (total < budget) {
        long expiresAt = (slot + slots.length) * bucketSec;
        return Math.max(1, expiresAt - nowSec);
      }
    }
    return bucketSec * slots.length;
  }
}
