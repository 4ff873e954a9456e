package io.igpulse.aggregator.topology.trend;

import io.igpulse.aggregator.config.WindowSpec;
import java.time.Instant;

/**
 * Keys of the compacted trend topics: {@code <key>@<window start>/<window size>}, e.g. {@code
 * sourdough@2026-11-21T08:00:00Z/PT1H}. Readable, unique per key and window, and sorted by time per
 * key.
 */
public final class TrendKeys {

  private TrendKeys() {}

  public static String of(String key, long windowStart, WindowSpec spec) {
    return key + "@" + Instant.ofEpochMilli(windowStart) + "/" + spec.name();
  }

  /**
   * The key of one window across all keys, for per-window rankings: {@code
   * PT1H@2026-11-21T08:00:00Z}.
   */
  public static String window(WindowSpec spec, long windowStart) {
    return spec.name() + "@" + Instant.ofEpochMilli(windowStart);
  }
}
