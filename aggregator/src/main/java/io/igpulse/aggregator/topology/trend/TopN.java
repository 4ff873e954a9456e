package io.igpulse.aggregator.topology.trend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code n} elements in an order, without sorting them all: a window can hold hundreds of
 * media and only its top few are published, for every window update.
 */
final class TopN {

  private TopN() {}

  /** The first {@code n} of {@code values} in {@code order}, in that order. */
  static <T> List<T> of(Collection<T> values, int n, Comparator<? super T> order) {
    if (n <= 0) {
      return List.of();
    }
    // The worst of the best n at the head, so that each candidate is compared with it once.
    PriorityQueue<T> best = new PriorityQueue<>(n + 1, order.reversed());
    for (T value : values) {
      if (best.size() < n) {
        best.add(value);
      } else if (order.compare(value, best.peek()) < 0) {
        best.poll();
        best.add(value);
      }
    }
    List<T> top = new ArrayList<>(best);
    top.sort(order);
    return top;
  }
}
