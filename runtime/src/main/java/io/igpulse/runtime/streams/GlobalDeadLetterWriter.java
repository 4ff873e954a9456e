package io.igpulse.runtime.streams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Writes the dead letters of global-table records. Kafka Streams (4.3) cannot send the records a
 * deserialization handler returns from the global thread: it fails with a ClassCastException
 * (GlobalProcessorContextImpl is no RecordCollector.Supplier) and the whole client goes to ERROR,
 * so one bad record on a global table's topic stopped the service for good. The global thread
 * commits no offsets to the group either (it checkpoints locally), so there is no transaction to
 * join: the letter is sent with a plain idempotent producer, made from the app's own producer
 * settings (security overrides included) on the first global poison, and the record is skipped only
 * once the broker acknowledged the letter. A restart before the next checkpoint may write the
 * letter again.
 */
final class GlobalDeadLetterWriter {

  /** The task id Kafka Streams gives the global thread's context. */
  static final TaskId GLOBAL_TASK = new TaskId(-1, -1);

  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final Map<String, ?> streamsConfigs;
  private KafkaProducer<byte[], byte[]> producer;

  /** Keeps the app's config; nothing is built until a global record needs a letter. */
  GlobalDeadLetterWriter(Map<String, ?> streamsConfigs) {
    this.streamsConfigs = new HashMap<>(streamsConfigs);
  }

  private KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      StreamsConfig config = new StreamsConfig(streamsConfigs, false) {};
      Map<String, Object> settings =
          config.getProducerConfigs(
              config.getString(StreamsConfig.APPLICATION_ID_CONFIG) + "-global-deadletters");
      settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
      settings.put(ProducerConfig.ACKS_CONFIG, "all");
      settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      producer =
          new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }
    return producer;
  }

  static boolean isGlobal(TaskId task) {
    return GLOBAL_TASK.equals(task);
  }

  /** Sends the letters and waits for the broker's acknowledgement; throws when it does not come. */
  synchronized void write(List<ProducerRecord<byte[], byte[]>> letters) {
    try {
      for (ProducerRecord<byte[], byte[]> letter : letters) {
        producer().send(letter).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while dead-lettering a global-table record", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("could not dead-letter a global-table record", e);
    }
  }
}
