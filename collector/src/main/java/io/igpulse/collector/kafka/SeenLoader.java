package io.igpulse.collector.kafka;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.discovery.SeenMarker;
import io.igpulse.collector.discovery.SeenState;
import io.igpulse.runtime.kafka.ClientSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads seen partitions to their end (read_committed: only what committed transactions wrote) into
 * the seen state. Runs on the consumer thread while a partition is being assigned, before any of
 * its accounts is polled.
 */
public final class SeenLoader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SeenLoader.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;

  public SeenLoader(String bootstrapServers, String topic, Map<String, String> overrides) {
    this.consumer =
        new KafkaConsumer<>(
            ClientSettings.assignedReader(bootstrapServers, overrides),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    this.topic = topic;
  }

  /** Loads the given partitions; returns the number of markers read. */
  public int load(List<Integer> partitions, SeenState seen) {
    if (partitions.isEmpty()) {
      return 0;
    }
    List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
    consumer.assign(tps);
    consumer.seekToBeginning(tps);
    Map<TopicPartition, Long> end = consumer.endOffsets(tps, Duration.ofSeconds(30));
    int read = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!reached(end)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("seen partitions " + partitions + " not read in time");
      }
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        SeenKey key = SeenKey.parse(r.key());
        if (key == null) {
          continue;
        }
        if (r.value() == null) {
          // An expired marker's tombstone, not compacted away yet: the marker before it is gone.
          seen.unload(key);
        } else {
          seen.load(new SeenMarker(key, r.partition(), discoveredAt(r.value())));
          read++;
        }
      }
    }
    consumer.assign(List.of());
    LOG.info("Loaded {} seen marker(s) of partitions {}", read, partitions);
    return read;
  }

  /** The marker's value: when its media was discovered; null (kept for ever) when unreadable. */
  static Instant discoveredAt(byte[] value) {
    try {
      return Instant.parse(new String(value, StandardCharsets.UTF_8));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey(), Duration.ofSeconds(30)) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
