package io.igpulse.schemas.topic;

import io.igpulse.schemas.serde.CheckedDeserializer;
import io.igpulse.schemas.serde.RegistryConfig;
import io.igpulse.schemas.serde.UndecodableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes records that a consumer read as raw bytes. Services consume bytes and decode per record
 * so that a poison record can be dead-lettered with its original bytes and the consumer can move
 * past it; a failure names the exact topic, partition and offset.
 */
public final class RecordDecoder<V> implements AutoCloseable {

  private final Deserializer<V> deserializer;

  private RecordDecoder(Deserializer<V> deserializer) {
    this.deserializer = deserializer;
  }

  /** A decoder of the values of one catalog topic. */
  public static <K, V> RecordDecoder<V> forValues(Topic<K, V> topic, RegistryConfig registry) {
    return new RecordDecoder<>(topic.valueSerde(registry).deserializer());
  }

  /**
   * The record's value in the contract type, or null for a tombstone.
   *
   * @throws UndecodableRecordException naming topic, partition and offset, with a reason
   */
  public V decode(ConsumerRecord<?, byte[]> record) {
    try {
      return deserializer.deserialize(record.topic(), record.headers(), record.value());
    } catch (UndecodableRecordException e) {
      throw e.at(record.partition(), record.offset());
    } catch (RuntimeException e) {
      throw CheckedDeserializer.classify(record.topic(), record.value(), e)
          .at(record.partition(), record.offset());
    }
  }

  @Override
  public void close() {
    deserializer.close();
  }
}
