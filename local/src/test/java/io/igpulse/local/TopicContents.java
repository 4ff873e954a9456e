package io.igpulse.local;

import io.igpulse.schemas.serde.RegistryConfig;
import io.igpulse.schemas.topic.RecordDecoder;
import io.igpulse.schemas.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Every committed record of a topic, decoded through the registry as a service decodes it. */
final class TopicContents {

  private TopicContents() {}

  /** A decoded record, with the key it was written under. */
  record Keyed<V>(String key, V value) {}

  /**
   * Reads {@code topic} from its start to its end (read_committed) and decodes every value; a
   * record that does not decode counts in {@code undecodable}.
   */
  static <V> List<Keyed<V>> readAll(
      String bootstrap, RegistryConfig registry, Topic<String, V> topic, List<String> undecodable) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<Keyed<V>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
            new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        RecordDecoder<V> decoder = RecordDecoder.forValues(topic, registry)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < topic.partitions(); p++) {
        partitions.add(new TopicPartition(topic.name(), p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() == null) {
            continue;
          }
          try {
            out.add(new Keyed<>(r.key(), decoder.decode(r)));
          } catch (RuntimeException e) {
            undecodable.add(topic.name() + "@" + r.partition() + ":" + r.offset() + " " + e);
          }
        }
      }
    }
    return out;
  }

  /** Records on a topic, undecoded (dead letters). */
  static long count(String bootstrap, String topic, int partitions) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    long n = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        tps.add(new TopicPartition(topic, p));
      }
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      Map<TopicPartition, Long> end = consumer.endOffsets(tps);
      while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        n += consumer.poll(Duration.ofMillis(500)).count();
      }
    }
    return n;
  }
}
