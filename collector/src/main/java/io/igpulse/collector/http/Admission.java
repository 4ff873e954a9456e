package io.igpulse.collector.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests in progress (running or waiting for a worker) against a fixed capacity, so that a
 * slow broker turns extra requests away at once instead of letting them pile up in memory.
 */
public final class Admission {

  private final int capacity;
  private final AtomicInteger inProgress = new AtomicInteger();

  /**
   * @param capacity requests that may be in progress at once: the workers plus the waiting room
   */
  public Admission(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Takes a place if one is free; every {@code true} must be matched by one {@link #leave()}. */
  public boolean tryEnter() {
    while (true) {
      int now = inProgress.get();
      if (now >= capacity) {
        return false;
      }
      if (inProgress.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  public void leave() {
    inProgress.decrementAndGet();
  }

  public int inProgress() {
    return inProgress.get();
  }

  public int capacity() {
    return capacity;
  }
}
