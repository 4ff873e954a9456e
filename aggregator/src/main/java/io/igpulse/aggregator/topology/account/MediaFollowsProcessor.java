package io.igpulse.aggregator.topology.account;

import io.igpulse.aggregator.topology.delta.DeltaSpreader;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import io.igpulse.events.MediaFollowsDay;
import java.time.Duration;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Follows gained per media and day, from an account's insight deltas (keyed by the owning account):
 * each delta's follows are spread over the days its interval covers, like every other gain, and
 * each day it changed is published again.
 */
public final class MediaFollowsProcessor
    implements Processor<String, MediaDelta, String, MediaFollowsDay> {

  private static final Duration DAY = Duration.ofDays(1);

  private final String storeName;
  private final int topMedia;
  private final DeltaSpreader spreader;
  private ProcessorContext<String, MediaFollowsDay> context;
  private KeyValueStore<String, MediaFollowsHistory> store;

  public MediaFollowsProcessor(String storeName, int topMedia) {
    this.storeName = storeName;
    this.topMedia = topMedia;
    // The oldest media are read once a day: a day back covers every interval between reads.
    this.spreader = new DeltaSpreader(DAY, DAY);
  }

  @Override
  public void init(ProcessorContext<String, MediaFollowsDay> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, MediaDelta> record) {
    MediaDelta delta = record.value();
    if (delta == null || delta.follows() == 0) {
      return;
    }
    String account = record.key();
    MediaFollowsHistory before = store.get(account);
    MediaFollowsHistory history = before == null ? MediaFollowsHistory.empty() : before;
    TreeSet<Long> changed = new TreeSet<>();
    for (DeltaSpreader.Part part : spreader.spread(delta)) {
      long follows = part.delta().follows();
      long day = Math.floorDiv(part.bucketStart(), DAY.toMillis());
      if (follows != 0 && history.add(day, delta.mediaId(), follows, delta.capturedAt())) {
        changed.add(day);
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    store.put(account, history);
    for (long day : changed) {
      context.forward(
          record
              .withKey(MediaFollowsHistory.key(account, day))
              .withValue(history.toEvent(account, day, topMedia)));
    }
  }
}
