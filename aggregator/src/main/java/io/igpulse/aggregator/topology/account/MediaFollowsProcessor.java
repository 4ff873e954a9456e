package io.igpulse.aggregator.topology.account;

import io.igpulse.aggregator.topology.delta.DeltaSpreader;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import io.igpulse.events.MediaFollowsDay;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Follows gained per media and day, from an account's insight deltas (keyed by the owning account):
 * each delta's follows are spread over the days its interval covers, like every other gain. The
 * days a delta changed are published at the next flush (every {@link #FLUSH}), once each however
 * many deltas changed them: a busy account's day is one record a second, not one per snapshot.
 *
 * <p>The days changed and not yet published are also kept in a store of their own, written in the
 * same transaction as the change: a task closed or moved before its flush (a rebalance, a deploy)
 * has its next owner publish them instead of dropping them.
 */
public final class MediaFollowsProcessor
    implements Processor<String, MediaDelta, String, MediaFollowsDay> {

  /** How often changed days are published (the production commit interval). */
  public static final Duration FLUSH = Duration.ofSeconds(1);

  private static final Duration DAY = Duration.ofDays(1);

  private final String storeName;
  private final String pendingName;
  private final int topMedia;
  private final DeltaSpreader spreader;

  /** Keys ({@link DayFollows#key}) of the days changed since the last flush. */
  private final Set<String> changed = new LinkedHashSet<>();

  private ProcessorContext<String, MediaFollowsDay> context;
  private KeyValueStore<String, DayFollows> store;
  private KeyValueStore<String, String> pending;

  /**
   * @param pendingName the store of days changed and not yet published (key as in {@code
   *     storeName})
   */
  public MediaFollowsProcessor(String storeName, String pendingName, int topMedia) {
    this.storeName = storeName;
    this.pendingName = pendingName;
    this.topMedia = topMedia;
    // The oldest media are read once a day: a day back covers every interval between reads.
    this.spreader = new DeltaSpreader(DAY, DAY);
  }

  @Override
  public void init(ProcessorContext<String, MediaFollowsDay> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    this.pending = context.getStateStore(pendingName);
    try (KeyValueIterator<String, String> left = pending.all()) {
      left.forEachRemaining(kv -> changed.add(kv.key));
    }
    context.schedule(FLUSH, PunctuationType.WALL_CLOCK_TIME, now -> flush());
  }

  @Override
  public void process(Record<String, MediaDelta> record) {
    MediaDelta delta = record.value();
    if (delta == null || delta.follows() == 0) {
      return;
    }
    String account = record.key();
    for (DeltaSpreader.Part part : spreader.spread(delta)) {
      long follows = part.delta().follows();
      if (follows == 0) {
        continue;
      }
      long day = Math.floorDiv(part.bucketStart(), DAY.toMillis());
      String key = DayFollows.key(account, day);
      DayFollows before = store.get(key);
      if (before == null) {
        purgeBefore(account, day - DayFollows.KEEP_DAYS + 1);
      }
      DayFollows now = before == null ? DayFollows.empty() : before;
      store.put(key, now.add(delta.mediaId(), follows, delta.capturedAt()));
      if (changed.add(key)) {
        pending.put(key, "");
      }
    }
  }

  /** Drops the account's days before {@code firstKept} (a new day keeps the last 35). */
  private void purgeBefore(String account, long firstKept) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, DayFollows> days =
        store.range(account + "@", DayFollows.key(account, firstKept - 1))) {
      days.forEachRemaining(kv -> old.add(kv.key));
    }
    old.forEach(store::delete);
  }

  private void flush() {
    for (String key : changed) {
      DayFollows day = store.get(key);
      if (day != null) {
        // The key is <account>@<ISO day>; an account id holds no '@'.
        int at = key.lastIndexOf('@');
        long epochDay = LocalDate.parse(key.substring(at + 1)).toEpochDay();
        context.forward(
            new Record<>(
                key, day.toEvent(key.substring(0, at), epochDay, topMedia), day.updatedAt()));
      }
      pending.delete(key);
    }
    changed.clear();
  }

  @Override
  public void close() {
    changed.clear();
  }
}
