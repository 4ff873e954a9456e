package io.igpulse.aggregator.topology.window;

import io.igpulse.aggregator.config.WindowSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One key's buckets (tumbling windows one advance long, by start) seen as rolling windows: the
 * window starting at {@code s} is the combination of the buckets in {@code [s, s + size)}. Counting
 * each delta once into its bucket and assembling windows only when they are published makes a delta
 * cost one store update instead of one per overlapping window (12 for 1 h windows advancing every 5
 * min, 24 for a day advancing hourly).
 */
public final class BucketSeries<B> {

  private final NavigableMap<Long, B> buckets;
  private final WindowSpec spec;
  private final Function<List<B>, B> combine;
  private final ToLongFunction<B> engagementOf;

  public BucketSeries(
      NavigableMap<Long, B> buckets,
      WindowSpec spec,
      Function<List<B>, B> combine,
      ToLongFunction<B> engagementOf) {
    this.buckets = buckets;
    this.spec = spec;
    this.combine = combine;
    this.engagementOf = engagementOf;
  }

  /**
   * Engagement gained in the window starting at {@code start} (a sum, no sets built), or null
   * without data.
   */
  public Long engagement(long start) {
    var parts = buckets.subMap(start, true, start + spec.size().toMillis(), false).values();
    if (parts.isEmpty()) {
      return null;
    }
    long sum = 0;
    for (B part : parts) {
      sum += engagementOf.applyAsLong(part);
    }
    return sum;
  }

  /** The window starting at {@code start}, or null when no bucket of it has data. */
  public B window(long start) {
    List<B> parts =
        new ArrayList<>(
            buckets.subMap(start, true, start + spec.size().toMillis(), false).values());
    return parts.isEmpty() ? null : combine.apply(parts);
  }

  /**
   * Starts of the windows that contain the bucket starting at {@code bucketStart}, oldest first.
   */
  public static long[] windowsContaining(long bucketStart, WindowSpec spec) {
    long advance = spec.advance().toMillis();
    int count = (int) (spec.size().toMillis() / advance);
    long[] starts = new long[count];
    for (int i = 0; i < count; i++) {
      starts[i] = bucketStart - (count - 1 - i) * advance;
    }
    return starts;
  }

  /**
   * Reads, in one store fetch, the buckets of {@code key} that the windows starting from {@code
   * firstWindow} to {@code lastWindow} and their baselines ({@code baselineWindows} sizes further
   * back) are made of.
   */
  public static <B> BucketSeries<B> read(
      ReadOnlyWindowStore<String, ValueAndTimestamp<B>> store,
      String key,
      long firstWindow,
      long lastWindow,
      WindowSpec spec,
      int baselineWindows,
      Function<List<B>, B> combine,
      ToLongFunction<B> engagementOf) {
    long from = firstWindow - baselineWindows * spec.size().toMillis();
    long to = lastWindow + spec.size().toMillis() - 1;
    TreeMap<Long, B> buckets = new TreeMap<>();
    try (WindowStoreIterator<ValueAndTimestamp<B>> found =
        store.fetch(key, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
      found.forEachRemaining(kv -> buckets.put(kv.key, kv.value.value()));
    }
    return new BucketSeries<>(buckets, spec, combine, engagementOf);
  }
}
