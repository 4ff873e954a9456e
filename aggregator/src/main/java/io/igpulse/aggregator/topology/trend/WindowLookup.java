package io.igpulse.aggregator.topology.trend;

/**
 * The engagement a key gained in one earlier window, for the baseline: the same scoring works
 * inside the topology (over a processor's bucket store) and in the query API (over an
 * interactive-query store). Null when the key has no data in that window.
 */
@FunctionalInterface
public interface WindowLookup {

  Long engagement(String key, long windowStart);
}
