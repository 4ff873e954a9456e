package io.igpulse.aggregator.topology.account;

import io.igpulse.aggregator.topology.delta.MediaDelta;
import io.igpulse.events.PostingHours;
import java.time.ZoneId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds each first-day delta of an account's media to the hour of week it was posted in (input keyed
 * by account).
 */
public final class PostingHoursProcessor
    implements Processor<String, MediaDelta, String, PostingHours> {

  private final String storeName;
  private final ZoneId zone;
  private ProcessorContext<String, PostingHours> context;
  private KeyValueStore<String, PostingHoursState> store;

  public PostingHoursProcessor(String storeName, ZoneId zone) {
    this.storeName = storeName;
    this.zone = zone;
  }

  @Override
  public void init(ProcessorContext<String, PostingHours> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, MediaDelta> record) {
    MediaDelta delta = record.value();
    if (delta == null || !delta.firstDayDelta()) {
      return;
    }
    PostingHoursState before = store.get(record.key());
    PostingHoursState state =
        (before == null ? PostingHoursState.empty() : before)
            .add(
                HourOfWeek.of(delta.postedAt(), zone),
                delta.engagement(),
                delta.firstCountForPostingHour(),
                delta.capturedAt());
    store.put(record.key(), state);
    context.forward(record.withValue(state.toEvent(record.key())));
  }
}
