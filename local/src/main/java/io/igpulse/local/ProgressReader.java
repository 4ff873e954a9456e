package io.igpulse.local;

import io.igpulse.schemas.topic.Topic;
import io.igpulse.schemas.topic.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the figures of a progress line: committed records counted on the topics themselves (a
 * {@code read_committed} reader, so aborted transactions never count), distinct media by key, the
 * consumer lag of the enricher and aggregator groups, and the top hashtags from the query API, as a
 * user would see them. Used from one thread.
 */
final class ProgressReader implements AutoCloseable {

  private static final List<String> GROUPS = List.of("igpulse-enricher", "igpulse-aggregator");
  private static final int TOP = 5;

  private final KafkaConsumer<String, byte[]> reader;
  private final Admin admin;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI topHashtags;
  private final Clock clock;
  private final LongSupplier accountsFollowed;
  private final Set<String> media = new HashSet<>();
  private final Map<String, Long> counts = new HashMap<>();

  ProgressReader(
      String bootstrapServers, String aggregatorUrl, Clock clock, LongSupplier accountsFollowed) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "igpulse-local-progress");
    this.reader = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic<?, ?> t : counted()) {
      for (int p = 0; p < t.partitions(); p++) {
        partitions.add(new TopicPartition(t.name(), p));
      }
    }
    reader.assign(partitions);
    reader.seekToBeginning(partitions);
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.topHashtags = URI.create(aggregatorUrl + "/api/hashtags/top?window=PT1H");
    this.clock = clock;
    this.accountsFollowed = accountsFollowed;
  }

  private static List<Topic<?, ?>> counted() {
    return List.of(
        Topics.MEDIA_DISCOVERED,
        Topics.MEDIA_INSIGHTS,
        Topics.ACCOUNT_TRENDS,
        Topics.HASHTAG_TRENDS,
        Topics.EARNED_TRENDS);
  }

  Progress read() {
    catchUp();
    long trends =
        count(Topics.ACCOUNT_TRENDS) + count(Topics.HASHTAG_TRENDS) + count(Topics.EARNED_TRENDS);
    return new Progress(
        clock.instant(),
        accountsFollowed.getAsLong(),
        media.size(),
        count(Topics.MEDIA_INSIGHTS),
        trends,
        lag(),
        top());
  }

  private void catchUp() {
    for (int round = 0; round < 100; round++) {
      ConsumerRecords<String, byte[]> records =
          reader.poll(Duration.ofMillis(round == 0 ? 200 : 0));
      if (records.isEmpty()) {
        return;
      }
      for (ConsumerRecord<String, byte[]> r : records) {
        counts.merge(r.topic(), 1L, Long::sum);
        if (r.topic().equals(Topics.MEDIA_DISCOVERED.name()) && r.key() != null) {
          media.add(r.key());
        }
      }
    }
  }

  private long count(Topic<?, ?> topic) {
    return counts.getOrDefault(topic.name(), 0L);
  }

  /** Records the enricher and aggregator have yet to read, summed over their input partitions. */
  private long lag() {
    try {
      long lag = 0;
      for (String group : GROUPS) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
            admin.listOffsets(latest).all().get();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
          if (e.getValue() != null && ends.containsKey(e.getKey())) {
            lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
          }
        }
      }
      return lag;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  private List<Progress.RankedHashtag> top() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(topHashtags).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return List.of();
      }
      JsonArray hashtags =
          new JsonObject(response.body()).getJsonArray("hashtags", new JsonArray());
      List<Progress.RankedHashtag> top = new ArrayList<>();
      for (int i = 0; i < hashtags.size() && top.size() < TOP; i++) {
        JsonObject h = hashtags.getJsonObject(i);
        top.add(
            new Progress.RankedHashtag(h.getString("hashtag"), h.getLong("engagementGained", 0L)));
      }
      return top;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (Exception e) {
      return List.of();
    }
  }

  @Override
  public void close() {
    reader.close(Duration.ofSeconds(1));
    admin.close(Duration.ofSeconds(1));
  }
}
