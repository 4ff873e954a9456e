package io.igpulse.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.igpulse.schemas.serde.ApicurioSerdes;
import io.igpulse.schemas.serde.RegistryConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins exactly which calls the Apicurio 3.1.7 serdes make, per scenario, by reading the embedded
 * registry's call log over real HTTP on loopback: this is the surface the registry must serve, and
 * where a serdes upgrade that asks for more would show up first.
 */
class SerdesCallsIT {

  private static final Schema PROBE =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"CallProbe\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");

  private static EmbeddedRegistry registry;
  private final String topic = "calls-" + UUID.randomUUID();

  @BeforeAll
  static void start() {
    registry = EmbeddedRegistry.start("127.0.0.1", 0, Optional.empty());
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void serializingWithAutoRegisterCreatesOrFindsOneVersion() {
    List<String> calls = callsDuring(() -> serialize(serdeConfig(), record("a")));

    assertThat(calls).containsExactly("POST /groups/{groupId}/artifacts?canonical&ifExists");
  }

  @Test
  void deserializingByContentIdReadsContentThenReferences() {
    byte[] framed = serialize(serdeConfig(), record("a"));

    List<String> calls = callsDuring(() -> deserialize(serdeConfig(), framed));

    assertThat(calls)
        .containsExactly(
            "GET /ids/contentIds/{contentId}", "GET /ids/contentIds/{contentId}/references");
  }

  @Test
  void deserializingByGlobalIdReadsTheDereferencedVersion() {
    Map<String, Object> byGlobalId = serdeConfig();
    byGlobalId.put("apicurio.registry.use-id", "globalId");
    byte[] framed = serialize(byGlobalId, record("a"));

    List<String> calls = callsDuring(() -> deserialize(byGlobalId, framed));

    assertThat(calls).containsExactly("GET /ids/globalIds/{globalId}?references");
  }

  @Test
  void serializingWithFindLatestReadsTheLatestVersion() {
    serialize(serdeConfig(), record("a"));
    Map<String, Object> findLatest = serdeConfig();
    findLatest.put("apicurio.registry.auto-register", false);
    findLatest.put("apicurio.registry.find-latest", true);

    List<String> calls = callsDuring(() -> serialize(findLatest, record("b")));

    assertThat(calls)
        .containsExactly(
            "GET /groups/{groupId}/artifacts/{artifactId}/versions/{version}",
            "GET /ids/globalIds/{globalId}?references");
  }

  @Test
  void serializingWithoutAutoRegisterSearchesByContent() {
    serialize(serdeConfig(), record("a"));
    Map<String, Object> findByContent = serdeConfig();
    findByContent.put("apicurio.registry.auto-register", false);
    findByContent.put("apicurio.registry.find-latest", false);

    List<String> calls = callsDuring(() -> serialize(findByContent, record("b")));

    assertThat(calls)
        .containsExactly(
            "POST /search/versions?artifactId&artifactType&canonical&groupId&limit&order&orderby");
  }

  private static Map<String, Object> serdeConfig() {
    return new HashMap<>(ApicurioSerdes.config(RegistryConfig.of(registry.baseUrl())));
  }

  private byte[] serialize(Map<String, Object> config, GenericRecord value) {
    try (AvroKafkaSerializer<GenericRecord> serializer = new AvroKafkaSerializer<>()) {
      serializer.configure(config, false);
      return serializer.serialize(topic, value);
    }
  }

  private GenericRecord deserialize(Map<String, Object> config, byte[] data) {
    Map<String, Object> generic = new HashMap<>(config);
    generic.put("apicurio.registry.use-specific-avro-reader", false);
    try (AvroKafkaDeserializer<GenericRecord> deserializer = new AvroKafkaDeserializer<>()) {
      deserializer.configure(generic, false);
      return deserializer.deserialize(topic, data);
    }
  }

  private static GenericRecord record(String id) {
    GenericData.Record record = new GenericData.Record(PROBE);
    record.put("id", id);
    return record;
  }

  private static List<String> callsDuring(Runnable action) {
    int before = registry.calls().size();
    action.run();
    List<String> all = registry.calls();
    return all.subList(before, all.size());
  }
}
