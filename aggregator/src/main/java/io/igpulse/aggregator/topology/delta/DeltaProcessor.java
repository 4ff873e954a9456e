package io.igpulse.aggregator.topology.delta;

import io.igpulse.events.MediaInsightSnapshot;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the last snapshot state of each media (keyed by media id, as the input topic) and forwards
 * its deltas.
 */
public final class DeltaProcessor
    implements Processor<String, MediaInsightSnapshot, String, MediaDelta> {

  private final String storeName;
  private final DeltaCalculator calculator;
  private ProcessorContext<String, MediaDelta> context;
  private KeyValueStore<String, DeltaState> store;

  public DeltaProcessor(String storeName, DeltaCalculator calculator) {
    this.storeName = storeName;
    this.calculator = calculator;
  }

  @Override
  public void init(ProcessorContext<String, MediaDelta> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, MediaInsightSnapshot> record) {
    MediaInsightSnapshot snapshot = record.value();
    if (snapshot == null) {
      return; // a tombstone carries no numbers
    }
    String mediaId = snapshot.getMediaId();
    Optional<DeltaCalculator.Outcome> outcome = calculator.apply(store.get(mediaId), snapshot);
    outcome.ifPresent(
        o -> {
          store.put(mediaId, o.state());
          for (MediaDelta d : o.deltas()) {
            context.forward(record.withKey(mediaId).withValue(d).withTimestamp(d.capturedAt()));
          }
        });
  }
}
