package io.igpulse.aggregator.service;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.runtime.clock.ServiceClock;
import io.igpulse.schemas.topic.RecordDecoder;
import io.igpulse.schemas.topic.Topic;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Starts real aggregator services against the JVM's broker and registry, feeds them, reads what
 * they publish.
 */
final class AggregatorHarness {

  /**
   * Every test gets event times later than all earlier tests': the catalog topics are shared in the
   * JVM and each new aggregator reads them from the start, so stream time must only move forward.
   * They stay in the past: brokers refuse timestamps more than an hour ahead
   * (log.message.timestamp.after.max.ms).
   */
  private static final AtomicLong NEXT_BASE =
      new AtomicLong(
          Instant.now()
              .minus(Duration.ofDays(14))
              .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
              .toEpochMilli());

  static final HttpClient HTTP = HttpClient.newHttpClient();

  private final KafkaCluster kafka;
  private final SchemaRegistry registry;

  AggregatorHarness(KafkaCluster kafka, SchemaRegistry registry) {
    this.kafka = kafka;
    this.registry = registry;
  }

  /**
   * A fresh midnight (UTC) for one test, a day after the previous test's, from 14 days ago: the
   * module's ITs take 14 bases, so the last stays in the past (the routes' default ranges, such as
   * follower days, are counted back from the present).
   */
  static Instant nextBase() {
    return Instant.ofEpochMilli(NEXT_BASE.getAndAdd(Duration.ofDays(1).toMillis()));
  }

  AggregatorConfig config(String applicationId) {
    // Long enough that the tests' snapshot intervals (up to hours) are spread whole.
    return config(applicationId, Duration.ofHours(6));
  }

  AggregatorConfig config(String applicationId, Duration grace) {
    try {
      return new AggregatorConfig(
          kafka.bootstrapServers(),
          applicationId,
          registry.config(),
          List.of(new WindowSpec(Duration.ofHours(1), Duration.ofMinutes(5))),
          grace,
          // The tests' event times lie up to ~10 days back (see NEXT_BASE); the changelogs must
          // keep
          // their buckets as long, as a production aggregator keeps the buckets of a backlog that
          // old while it catches up.
          Duration.ofDays(30),
          3,
          2,
          3,
          0.5,
          Duration.ofHours(1),
          ZoneId.of("UTC"),
          0,
          0,
          "127.0.0.1",
          Files.createTempDirectory("aggregator-it").toString(),
          Map.of("num.stream.threads", "1", "commit.interval.ms", "100"),
          ServiceClock.SYSTEM);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  AggregatorService start(AggregatorConfig config) {
    AggregatorService service = new AggregatorService(config, java.time.Clock.systemUTC());
    try {
      service.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      service.close();
      throw new AssertionError("aggregator did not start", e);
    }
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> service.streams().state() == KafkaStreams.State.RUNNING);
    return service;
  }

  void send(MediaInsightSnapshot... snapshots) {
    try (KafkaProducer<String, MediaInsightSnapshot> producer =
        producer(Topics.MEDIA_INSIGHTS.valueSerde(registry.config()).serializer())) {
      for (MediaInsightSnapshot s : snapshots) {
        producer.send(new ProducerRecord<>(Topics.MEDIA_INSIGHTS.name(), s.getMediaId(), s)).get();
      }
    } catch (Exception e) {
      throw new AssertionError("cannot send snapshots", e);
    }
  }

  void send(AccountInsightSnapshot snapshot) {
    try (KafkaProducer<String, AccountInsightSnapshot> producer =
        producer(Topics.ACCOUNT_INSIGHTS.valueSerde(registry.config()).serializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ACCOUNT_INSIGHTS.name(), snapshot.getIgUserId(), snapshot))
          .get();
    } catch (Exception e) {
      throw new AssertionError("cannot send account snapshot", e);
    }
  }

  void sendRaw(String key, byte[] value) {
    sendRaw(Topics.MEDIA_INSIGHTS.name(), key, value);
  }

  /** The bytes a producer writes for {@code value} on {@code topic}: frame, schema id, Avro. */
  <V> byte[] framed(Topic<String, V> topic, V value) {
    return topic.valueSerde(registry.config()).serializer().serialize(topic.name(), value);
  }

  void sendRaw(String topic, String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer = producer(new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new AssertionError("cannot send raw record", e);
    }
  }

  /**
   * Polls {@code topic} from {@code mark} until the latest values by key satisfy {@code done};
   * returns them.
   */
  <V> Map<String, V> awaitLatest(
      TopicReader mark, Topic<String, V> topic, Predicate<Map<String, V>> done) {
    return awaitLatest(mark, topic, done, Duration.ofSeconds(60));
  }

  <V> Map<String, V> awaitLatest(
      TopicReader mark, Topic<String, V> topic, Predicate<Map<String, V>> done, Duration wait) {
    Map<String, V> latest = new HashMap<>();
    try (RecordDecoder<V> decoder = RecordDecoder.forValues(topic, registry.config())) {
      mark.readUntil(
          records -> {
            latest.clear();
            for (ConsumerRecord<byte[], byte[]> record : records) {
              latest.put(
                  new String(record.key(), java.nio.charset.StandardCharsets.UTF_8),
                  decoder.decode(record));
            }
            return done.test(latest);
          },
          wait);
    }
    return latest;
  }

  TopicReader mark(Topic<?, ?> topic) {
    return TopicReader.mark(kafka, topic.name());
  }

  static HttpResponse<String> get(int port, String pathAndQuery) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private <V> KafkaProducer<String, V> producer(Serializer<V> values) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(props, new StringSerializer(), values);
  }
}
