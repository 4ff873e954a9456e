package io.igpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.schemas.serde.UndecodableRecordException;
import io.igpulse.schemas.serde.UndecodableRecordException.Reason;
import io.igpulse.schemas.topic.RecordDecoder;
import io.igpulse.schemas.topic.Topic;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type of the contract through the Apicurio serializer to a real broker and back, its
 * schema readable in the registry, and every kind of bad record failing with a typed error that
 * names where it is.
 */
@WithInfrastructure
class EventRoundTripIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static Stream<Arguments> everyEventType() {
    String id = UUID.randomUUID().toString();
    return Stream.of(
        Arguments.of(Topics.ACCOUNTS, SampleEvents.accountRegistration("acc-" + id)),
        Arguments.of(Topics.MEDIA_DISCOVERED, SampleEvents.mediaDiscovered("media-" + id)),
        Arguments.of(Topics.MEDIA_INSIGHTS, SampleEvents.mediaInsightSnapshot("media-" + id)),
        Arguments.of(Topics.ACCOUNT_INSIGHTS, SampleEvents.accountInsightSnapshot("acc-" + id)),
        Arguments.of(Topics.ACCOUNT_TRENDS, SampleEvents.accountTrend("acc-" + id)),
        Arguments.of(Topics.HASHTAG_TRENDS, SampleEvents.hashtagTrend("tag-" + id)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEventType")
  <V extends SpecificRecord> void shouldReadBackEqualAndRegisterTheSchema(
      Topic<String, V> topic, V event, KafkaCluster kafka, SchemaRegistry registry)
      throws Exception {
    String key = UUID.randomUUID().toString();
    TopicReader reader = TopicReader.mark(kafka, topic.name());

    send(kafka, topic.name(), key, event, topic.valueSerde(registry.config()).serializer());
    ConsumerRecord<byte[], byte[]> record = readOne(reader, key);

    try (RecordDecoder<V> decoder = RecordDecoder.forValues(topic, registry.config())) {
      assertThat(decoder.decode(record)).isEqualTo(event);
    }
    String artifact =
        registry.apiUrl()
            + "/groups/default/artifacts/"
            + topic.name()
            + "-value/versions/branch%3Dlatest";
    Schema registered = new Schema.Parser().parse(get(artifact + "/content"));
    assertThat(registered).isEqualTo(event.getSchema());
    JsonNode latest = JSON.readTree(get(artifact));
    assertThat(contentIdOf(record.value())).isEqualTo(latest.get("contentId").asLong());
  }

  @Test
  void shouldNameTopicPartitionAndOffsetOfAnUnknownSchemaId(
      KafkaCluster kafka, SchemaRegistry registry) {
    byte[] unknownId = frame(Integer.MAX_VALUE - 7, new byte[] {2, 4, 6});
    String key = UUID.randomUUID().toString();
    TopicReader reader = TopicReader.mark(kafka, Topics.MEDIA_DISCOVERED.name());

    RecordMetadata written =
        send(kafka, Topics.MEDIA_DISCOVERED.name(), key, unknownId, new ByteArraySerializer());
    ConsumerRecord<byte[], byte[]> record = readOne(reader, key);
    UndecodableRecordException error = decodeFailure(record, registry);

    assertThat(error.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
    assertThat(error.reason().isPoison()).isTrue();
    assertThat(error.partition()).hasValue(written.partition());
    assertThat(error.offset()).hasValue(written.offset());
    assertThat(error.getMessage())
        .contains("topic instagram.media.discovered")
        .contains("partition " + written.partition())
        .contains("offset " + written.offset())
        .contains("schema id " + (Integer.MAX_VALUE - 7));
  }

  @Test
  void shouldCallGarbageBytesNotAvroFramed(KafkaCluster kafka, SchemaRegistry registry) {
    String key = UUID.randomUUID().toString();
    TopicReader reader = TopicReader.mark(kafka, Topics.MEDIA_DISCOVERED.name());

    RecordMetadata written =
        send(
            kafka,
            Topics.MEDIA_DISCOVERED.name(),
            key,
            "{\"id\":\"not avro\"}".getBytes(),
            new ByteArraySerializer());
    UndecodableRecordException error = decodeFailure(readOne(reader, key), registry);

    assertThat(error.reason()).isEqualTo(Reason.NOT_AVRO_FRAMED);
    assertThat(error.offset()).hasValue(written.offset());
    assertThat(error.getMessage()).contains("starting with 0x7b");
  }

  @Test
  void shouldCallAKnownSchemaWithAGarbageBodyCorrupt(KafkaCluster kafka, SchemaRegistry registry) {
    String key = UUID.randomUUID().toString();
    TopicReader reader = TopicReader.mark(kafka, Topics.MEDIA_DISCOVERED.name());
    Serializer<MediaDiscovered> serializer =
        Topics.MEDIA_DISCOVERED.valueSerde(registry.config()).serializer();
    byte[] valid =
        serializer.serialize(
            Topics.MEDIA_DISCOVERED.name(), SampleEvents.mediaDiscovered("m-" + key));
    int knownId = (int) contentIdOf(valid);

    // A string length of -64 where the media id should start: valid frame, impossible body.
    send(
        kafka,
        Topics.MEDIA_DISCOVERED.name(),
        key,
        frame(knownId, new byte[] {127, 1}),
        new ByteArraySerializer());
    UndecodableRecordException error = decodeFailure(readOne(reader, key), registry);

    assertThat(error.reason()).isEqualTo(Reason.CORRUPT_BODY);
    assertThat(error.getMessage()).contains("schema id " + knownId);
  }

  @Test
  void typedConsumersSeeTheSameReasonInsideKafkasDeserializationError(
      KafkaCluster kafka, SchemaRegistry registry) {
    String topic = Topics.MEDIA_DISCOVERED.name();
    String key = UUID.randomUUID().toString();
    TopicReader reader = TopicReader.mark(kafka, topic);
    RecordMetadata written =
        send(
            kafka,
            topic,
            key,
            frame(Integer.MAX_VALUE - 11, new byte[] {0}),
            new ByteArraySerializer());
    readOne(reader, key);

    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, MediaDiscovered> consumer =
        new KafkaConsumer<>(
            props,
            new StringDeserializer(),
            Topics.MEDIA_DISCOVERED.valueSerde(registry.config()).deserializer())) {
      TopicPartition partition = new TopicPartition(topic, written.partition());
      consumer.assign(List.of(partition));
      consumer.seek(partition, written.offset());

      RecordDeserializationException error =
          catchThrowableOfType(
              RecordDeserializationException.class, () -> consumer.poll(Duration.ofSeconds(10)));

      assertThat(error.topicPartition()).isEqualTo(partition);
      assertThat(error.offset()).isEqualTo(written.offset());
      assertThat(error.getCause())
          .isInstanceOfSatisfying(
              UndecodableRecordException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID));
    }
  }

  private static UndecodableRecordException decodeFailure(
      ConsumerRecord<byte[], byte[]> record, SchemaRegistry registry) {
    try (RecordDecoder<MediaDiscovered> decoder =
        RecordDecoder.forValues(Topics.MEDIA_DISCOVERED, registry.config())) {
      return catchThrowableOfType(UndecodableRecordException.class, () -> decoder.decode(record));
    }
  }

  private static ConsumerRecord<byte[], byte[]> readOne(TopicReader reader, String key) {
    return reader
        .readUntil(records -> records.stream().anyMatch(r -> key.equals(keyOf(r))), TIMEOUT)
        .stream()
        .filter(r -> key.equals(keyOf(r)))
        .findFirst()
        .orElseThrow();
  }

  private static String keyOf(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null
        ? null
        : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static <V> RecordMetadata send(
      KafkaCluster kafka, String topic, String key, V value, Serializer<V> serializer) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(props, new StringSerializer(), serializer)) {
      return producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new AssertionError("cannot write to " + topic, e);
    }
  }

  private static byte[] frame(int schemaId, byte[] body) {
    return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(schemaId).put(body).array();
  }

  private static long contentIdOf(byte[] framed) {
    return ByteBuffer.wrap(framed, 1, 4).getInt();
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET " + url + " -> " + response.body()).isEqualTo(200);
    return response.body();
  }
}
