package io.igpulse.runtime.kafka;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A Kafka send as a Vert.x future, completed from the producer's callback. {@code send} itself can
 * block for {@code max.block.ms} while metadata is fetched or the buffer is full, so call this from
 * a worker or a service's own executor, never from an event loop.
 */
public final class KafkaSends {

  private KafkaSends() {}

  public static <K, V> Future<RecordMetadata> send(
      Producer<K, V> producer, ProducerRecord<K, V> record) {
    Promise<RecordMetadata> promise = Promise.promise();
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error != null) {
              promise.tryFail(error);
            } else {
              promise.tryComplete(metadata);
            }
          });
    } catch (RuntimeException e) {
      promise.tryFail(e);
    }
    return promise.future();
  }
}
