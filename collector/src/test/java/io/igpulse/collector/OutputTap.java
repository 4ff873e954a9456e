package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@code instagram.media.discovered} (read_committed) from where it ended when the tap was
 * made, keeping every event of the watched accounts, repeats included, so that tests can count
 * duplicates. Poll it from an Awaitility condition.
 */
final class OutputTap implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Deserializer<MediaDiscovered> deserializer;
  private final Set<String> accounts;
  private final List<MediaDiscovered> events = new ArrayList<>();

  OutputTap(KafkaCluster kafka, SchemaRegistry registry, Set<String> accounts) {
    this.accounts = Set.copyOf(accounts);
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    this.deserializer = Topics.MEDIA_DISCOVERED.valueSerde(registry.config()).deserializer();
    List<TopicPartition> tps = TopicReader.partitionsOf(consumer, Topics.MEDIA_DISCOVERED.name());
    consumer.assign(tps);
    consumer.endOffsets(tps).forEach(consumer::seek);
  }

  /** Reads what arrived since the last call; returns everything kept so far. */
  synchronized List<MediaDiscovered> events() {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
      MediaDiscovered d = deserializer.deserialize(r.topic(), r.value());
      if (accounts.contains(d.getFollowedAccountId())) {
        events.add(d);
      }
    }
    return List.copyOf(events);
  }

  List<SeenKey> keys() {
    return events().stream().map(CollectorHarness::keyOf).toList();
  }

  /**
   * Waits until every expected key has arrived, then 4 s more for any that would come twice, and
   * checks the output is exactly the expected keys, each once. Returns the ms from {@code
   * sinceNanos} ({@link System#nanoTime()}) to the last expected key.
   */
  long awaitExactly(Set<SeenKey> expected, long sinceNanos) {
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> new HashSet<>(keys()).containsAll(expected));
    long completeAfterMs = (System.nanoTime() - sinceNanos) / 1_000_000;
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .until(() -> keys().size() == expected.size());
    assertThat(keys()).doesNotHaveDuplicates();
    assertThat(new HashSet<>(keys())).isEqualTo(expected);
    return completeAfterMs;
  }

  @Override
  public synchronized void close() {
    consumer.close();
    deserializer.close();
  }
}
