package io.igpulse.testkit;

import io.igpulse.testkit.kafka.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic's raw records from a remembered position, so that ITs sharing the JVM's catalog
 * topics see only what they wrote: {@link #mark} before producing, {@link #readUntil} after.
 */
public final class TopicReader {

  private static final Duration MARK_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaCluster cluster;
  private final String topic;
  private final Map<TopicPartition, Long> start;

  private TopicReader(KafkaCluster cluster, String topic, Map<TopicPartition, Long> start) {
    this.cluster = cluster;
    this.topic = topic;
    this.start = start;
  }

  /** Remembers the current end of every partition of {@code topic}. */
  public static TopicReader mark(KafkaCluster cluster, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(cluster)) {
      List<TopicPartition> partitions = partitionsOf(consumer, topic);
      return new TopicReader(cluster, topic, new HashMap<>(consumer.endOffsets(partitions)));
    }
  }

  /**
   * The partitions of {@code topic}, asking again while the cluster answers none: brokers that were
   * just restarted say "unknown topic" until they have caught up with the metadata log.
   */
  public static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic) {
    return Awaitility.await("partitions of " + topic + " known to the cluster")
        .atMost(MARK_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                consumer.partitionsFor(topic, MARK_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList(),
            found -> !found.isEmpty());
  }

  /**
   * Polls (never sleeps) from the marked position until {@code done} holds for the records read so
   * far, or fails after {@code timeout} saying what it saw.
   */
  public List<ConsumerRecord<byte[], byte[]>> readUntil(
      Predicate<List<ConsumerRecord<byte[], byte[]>>> done, Duration timeout) {
    List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(cluster)) {
      consumer.assign(start.keySet());
      start.forEach(consumer::seek);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(seen)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "after " + timeout + " on " + topic + " only " + seen.size() + " record(s) arrived");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      }
    }
    return seen;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(KafkaCluster cluster) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
