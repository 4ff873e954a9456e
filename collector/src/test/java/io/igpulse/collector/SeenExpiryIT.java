package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.kafka.CollectorTopics;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.runtime.kafka.ClientSettings;
import io.igpulse.runtime.kafka.TopicBootstrap;
import io.igpulse.schemas.topic.Topic;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Seen markers of media the API can no longer list (stories and recent hashtag media discovered
 * more than the expiry ago) are deleted from the seen topic by the instance that loads them; every
 * other marker stays, and the next owner of the partition neither takes the deleted ones back nor
 * deletes them again. The markers belong to an account nobody follows, so only the expiry touches
 * them.
 */
@WithInfrastructure
@WithSimulator
class SeenExpiryIT {

  @Test
  void shouldDeleteTheMarkersOfMediaThatCanNoLongerBeListedAndKeepTheOthers(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "seen-expiry-it")) {
      String seenTopic = seenTopic(harness);
      Instant now = Instant.now();
      String threeDaysAgo = now.minus(Duration.ofDays(3)).toString();
      Map<String, String> markers = new HashMap<>();
      markers.put("9001|STORY||story-old", threeDaysAgo);
      markers.put("9001|HASHTAG_RECENT|sunset|recent-old", threeDaysAgo);
      markers.put("9001|OWNED||owned-old", threeDaysAgo);
      markers.put("9001|HASHTAG_TOP|sunset|top-old", threeDaysAgo);
      markers.put("9001|TAGGED||tagged-old", threeDaysAgo);
      markers.put("9001|STORY||story-new", now.minus(Duration.ofHours(1)).toString());
      markers.put("9001|STORY||story-unreadable", "not a time");
      write(kafka, seenTopic, markers);

      CollectorService collector =
          harness.start("x1", Map.of("IGPULSE_COLLECTOR_SEEN_SWEEP_INTERVAL", "PT0.5S"));

      await().atMost(Duration.ofSeconds(30)).until(() -> tombstoned(kafka, seenTopic).size() == 2);
      assertThat(tombstoned(kafka, seenTopic))
          .containsExactlyInAnyOrder(
              "9001|STORY||story-old", "9001|HASHTAG_RECENT|sunset|recent-old");
      Map<String, byte[]> latest = latest(kafka, seenTopic);
      assertThat(
              latest.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey))
          .as("owned, top, tagged, recent and unreadable markers stay")
          .containsExactlyInAnyOrder(
              "9001|OWNED||owned-old",
              "9001|HASHTAG_TOP|sunset|top-old",
              "9001|TAGGED||tagged-old",
              "9001|STORY||story-new",
              "9001|STORY||story-unreadable");
      assertThat(expiredMeter(collector)).singleElement().asString().endsWith(" 2.0");

      // The next owner reads the markers and their tombstones (not compacted yet): it must not
      // take the tombstoned markers back, nor delete them again.
      collector.close();
      CollectorService next =
          harness.start("x2", Map.of("IGPULSE_COLLECTOR_SEEN_SWEEP_INTERVAL", "PT0.5S"));
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> tombstoneRecords(kafka, seenTopic) == 2);
      assertThat(expiredMeter(next)).as("nothing expired a second time").isEmpty();
    }
  }

  /**
   * A revoked partition's markers leave the instance's memory, also those of an account nobody
   * polls. Static member ids fix the Range assignment: "a-x2" takes partitions 0-2 from "b-x1".
   */
  @Test
  void shouldDropEveryMarkerOfARevokedPartitionAlsoOfAccountsNobodyPolls(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "seen-revoke-it")) {
      String seenTopic = seenTopic(harness);
      String yesterday = Instant.now().minus(Duration.ofDays(1)).toString();
      write(
          kafka,
          seenTopic,
          Map.of(
              "9002|OWNED||owned-a", yesterday,
              "9002|TAGGED||tagged-a", yesterday,
              "9002|STORY||story-a", yesterday));

      CollectorService first =
          harness.start("x1", Map.of("IGPULSE_CONSUMER_GROUP_INSTANCE_ID", "b-x1"));
      await().atMost(Duration.ofSeconds(30)).until(() -> markersHeld(first) == 3.0);

      CollectorService second =
          harness.start("x2", Map.of("IGPULSE_CONSUMER_GROUP_INSTANCE_ID", "a-x2"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  first.ownedPartitions().equals(List.of(3, 4, 5))
                      && second.ownedPartitions().equals(List.of(0, 1, 2)));
      await().atMost(Duration.ofSeconds(30)).until(() -> markersHeld(second) == 3.0);
      assertThat(markersHeld(first)).as("partition 2 went to x2 with its markers").isZero();
    }
  }

  /** The gauge of seen markers held in memory. */
  private static double markersHeld(CollectorService collector) throws Exception {
    return Http.get("http://127.0.0.1:" + collector.managementPort() + "/metrics")
        .body()
        .lines()
        .filter(l -> l.startsWith("igpulse_collector_seen_markers"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
  }

  /** Creates the harness's seen topic now, so that markers can be written before a collector. */
  private static String seenTopic(CollectorHarness harness) {
    String seenTopic = "igpulse.collector.seen." + harness.group;
    TopicBootstrap.ensure(
        ClientSettings.admin(harness.kafka.bootstrapServers(), "seen-expiry-it"),
        List.<Topic<?, ?>>of(Topics.ACCOUNTS, CollectorTopics.seen(seenTopic)));
    return seenTopic;
  }

  /** The Prometheus lines of the expired-markers counter (none until something expired). */
  private static List<String> expiredMeter(CollectorService collector) throws Exception {
    return Http.get("http://127.0.0.1:" + collector.managementPort() + "/metrics")
        .body()
        .lines()
        .filter(l -> l.startsWith("igpulse_collector_seen_expired_total"))
        .toList();
  }

  private static void write(KafkaCluster kafka, String topic, Map<String, String> markers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      markers.forEach(
          (key, value) ->
              producer.send(
                  new ProducerRecord<>(topic, 2, key, value.getBytes(StandardCharsets.UTF_8))));
      producer.flush();
    }
  }

  private static long tombstoneRecords(KafkaCluster kafka, String topic) {
    return read(kafka, topic, (key, value) -> {}).stream().filter(v -> v == null).count();
  }

  private static List<String> tombstoned(KafkaCluster kafka, String topic) {
    return latest(kafka, topic).entrySet().stream()
        .filter(e -> e.getValue() == null)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Each key's latest value in the committed part of the seen topic (null for a tombstone). */
  private static Map<String, byte[]> latest(KafkaCluster kafka, String topic) {
    Map<String, byte[]> latest = new HashMap<>();
    read(kafka, topic, latest::put);
    return latest;
  }

  /** Every committed record of the topic, in order per partition; returns their values. */
  private static List<byte[]> read(
      KafkaCluster kafka, String topic, java.util.function.BiConsumer<String, byte[]> each) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<byte[]> values = new java.util.ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer
            .poll(Duration.ofMillis(100))
            .forEach(
                r -> {
                  each.accept(r.key(), r.value());
                  values.add(r.value());
                });
      }
    }
    return values;
  }
}
