package io.igpulse.aggregator.topology.window;

import io.igpulse.aggregator.config.WindowSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Bucket starts in order, and the engagement of the buckets before each: built on the first
   * {@link #engagement} call, so a baseline of n windows costs 2n binary searches, not a pass over
   * every bucket of every window.
   */
  private long[] starts;

  private long[] engagementBefore;

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
    if (starts == null) {
      indexEngagement();
    }
    int first = firstAtOrAfter(start);
    int end = firstAtOrAfter(start + spec.size().toMillis());
    return first == end ? null : engagementBefore[end] - engagementBefore[first];
  }

  private void indexEngagement() {
    starts = new long[buckets.size()];
    engagementBefore = new long[buckets.size() + 1];
    int i = 0;
    for (var bucket : buckets.entrySet()) {
      starts[i] = bucket.getKey();
      engagementBefore[i + 1] = engagementBefore[i] + engagementOf.applyAsLong(bucket.getValue());
      i++;
    }
  }

  /** The index of the first bucket starting at or after {@code time}. */
  private int firstAtOrAfter(long time) {
    int found = Arrays.binarySearch(starts, time);
    return found >= 0 ? found : -found - 1;
  }

  /** What a sliding pass keeps of the buckets of the current window. */
  public interface Accumulator<B> {
    void add(B bucket);

    void remove(B bucket);
  }

  /** Called for each window of a sliding pass that holds data. */
  @FunctionalInterface
  public interface WindowVisitor<A> {
    void visit(long start, A window);
  }

  /**
   * Visits the windows starting at {@code windowStarts} (ascending) that hold data, with one
   * accumulator slid along: each step removes the buckets that left the window and adds those that
   * entered it. A pass over the 24 daily windows containing a bucket thus touches each bucket
   * twice, where combining each window anew would merge 24 buckets 24 times.
   */
  public <A extends Accumulator<B>> void slide(
      long[] windowStarts, A window, WindowVisitor<? super A> visitor) {
    long size = spec.size().toMillis();
    for (int i = 0; i < windowStarts.length; i++) {
      long start = windowStarts[i];
      if (i == 0) {
        buckets.subMap(start, true, start + size, false).values().forEach(window::add);
      } else {
        long previous = windowStarts[i - 1];
        buckets
            .subMap(previous, true, Math.min(start, previous + size), false)
            .values()
            .forEach(window::remove);
        buckets
            .subMap(Math.max(start, previous + size), true, start + size, false)
            .values()
            .forEach(window::add);
      }
      if (!buckets.subMap(start, true, start + size, false).isEmpty()) {
        visitor.visit(start, window);
      }
    }
  }

  /** The latest of {@code time} over the buckets of the window starting at {@code start}. */
  public long latest(long start, ToLongFunction<B> time) {
    long latest = 0;
    for (B part : buckets.subMap(start, true, start + spec.size().toMillis(), false).values()) {
      latest = Math.max(latest, time.applyAsLong(part));
    }
    return latest;
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
   * What {@link #read} reads, one bucket at a time: a point lookup per bucket start. For readers
   * other than the stream thread (the query API). A time-range fetch of a cached window store is
   * synchronized on the store and scans the record cache under its lock while the stream thread
   * writes through both; from a query thread it hung for over a minute in Kafka Streams 4.3.1
   * ({@code NamedCache.keyRange}, seen by QueryBoundsIT and the capture-to-trend benchmark). A
   * point lookup is not synchronized on the store: one cache map lookup, then RocksDB on a miss.
   */
  public static <B> BucketSeries<B> readByBucket(
      ReadOnlyWindowStore<String, ValueAndTimestamp<B>> store,
      String key,
      long firstWindow,
      long lastWindow,
      WindowSpec spec,
      int baselineWindows,
      Function<List<B>, B> combine,
      ToLongFunction<B> engagementOf) {
    return new BucketSeries<>(
        lookUp(
            store,
            key,
            seriesStart(firstWindow, spec, baselineWindows),
            seriesEnd(lastWindow, spec),
            spec),
        spec,
        combine,
        engagementOf);
  }

  /**
   * The buckets of {@code key} starting in {@code [from, to]}, by start, each read by a point
   * lookup (see {@link #readByBucket} for why).
   */
  public static <B> TreeMap<Long, B> lookUp(
      ReadOnlyWindowStore<String, ValueAndTimestamp<B>> store,
      String key,
      long from,
      long to,
      WindowSpec spec) {
    long advance = spec.advance().toMillis();
    TreeMap<Long, B> buckets = new TreeMap<>();
    // Buckets start on multiples of the advance (tumbling windows aligned to the epoch).
    for (long start = Math.floorDiv(from + advance - 1, advance) * advance;
        start <= to;
        start += advance) {
      ValueAndTimestamp<B> bucket = store.fetch(key, start);
      if (bucket != null) {
        buckets.put(start, bucket.value());
      }
    }
    return buckets;
  }

  /** The first bucket time the windows from {@code firstWindow} and their baselines cover. */
  private static long seriesStart(long firstWindow, WindowSpec spec, int baselineWindows) {
    return firstWindow - baselineWindows * spec.size().toMillis();
  }

  /** The last millisecond of the window starting at {@code lastWindow}. */
  private static long seriesEnd(long lastWindow, WindowSpec spec) {
    return lastWindow + spec.size().toMillis() - 1;
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
    long from = seriesStart(firstWindow, spec, baselineWindows);
    long to = seriesEnd(lastWindow, spec);
    TreeMap<Long, B> buckets = new TreeMap<>();
    try (WindowStoreIterator<ValueAndTimestamp<B>> found =
        store.fetch(key, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
      found.forEachRemaining(kv -> buckets.put(kv.key, kv.value.value()));
    }
    return new BucketSeries<>(buckets, spec, combine, engagementOf);
  }
}
