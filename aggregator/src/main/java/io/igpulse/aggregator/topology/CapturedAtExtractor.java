package io.igpulse.aggregator.topology;

import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.MediaInsightSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is when the API answered ({@code captured_at}), not when the record reached Kafka: a
 * snapshot that sat in a retry queue still lands in the window of its capture.
 */
public final class CapturedAtExtractor implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    Object value = record.value();
    if (value instanceof MediaInsightSnapshot snapshot) {
      return snapshot.getCapturedAt().toEpochMilli();
    }
    if (value instanceof AccountInsightSnapshot snapshot) {
      return snapshot.getCapturedAt().toEpochMilli();
    }
    return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
  }
}
