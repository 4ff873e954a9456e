package io.igpulse.aggregator.topology.delta;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Forwards each delta as its parts (see {@link DeltaSpreader}), each stamped with a time inside its
 * bucket, so the bucket aggregation downstream counts each part in its own bucket and applies the
 * grace to each part as it did to whole deltas.
 */
public final class SpreadProcessor implements FixedKeyProcessor<String, MediaDelta, MediaDelta> {

  private final DeltaSpreader spreader;
  private FixedKeyProcessorContext<String, MediaDelta> context;

  public SpreadProcessor(DeltaSpreader spreader) {
    this.spreader = spreader;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, MediaDelta> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, MediaDelta> record) {
    if (record.value() == null) {
      return;
    }
    for (DeltaSpreader.Part part : spreader.spread(record.value())) {
      context.forward(record.withValue(part.delta()).withTimestamp(part.timestamp()));
    }
  }
}
