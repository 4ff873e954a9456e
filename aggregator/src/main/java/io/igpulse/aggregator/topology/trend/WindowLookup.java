package io.igpulse.aggregator.topology.trend;

/**
 * Reads one window of a key, so that scoring works the same inside the topology (a processor's
 * window store) and in the query API (an interactive-query store). Null when the key has no such
 * window.
 */
@FunctionalInterface
public interface WindowLookup<V> {

  V at(String key, long windowStart);
}
