package io.igpulse.registry;

import static io.igpulse.registry.RegistryHttp.json;
import static io.igpulse.registry.Schemas.NOT_AVRO;
import static io.igpulse.registry.Schemas.V1;
import static io.igpulse.registry.Schemas.V2_OPTIONAL;
import static io.igpulse.registry.Schemas.V3_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.igpulse.schemas.serde.ApicurioSerdes;
import io.igpulse.schemas.serde.RegistryConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry with a data directory, stopped and started again (on a new port) over the same
 * directory: what was handed out before answers the same afterwards, over HTTP and through the
 * serdes.
 */
class PersistenceIT {

  @TempDir Path dataDir;

  @Test
  void idsResolveToTheSameSchemasAfterARestartAndNewIdsContinueAfterThem() {
    JsonNode a1;
    JsonNode a2;
    JsonNode b1;
    try (EmbeddedRegistry before = start()) {
      RegistryHttp http = new RegistryHttp(before);
      a1 = json(http.createArtifact("default", "a", V1, "")).get("version");
      a2 = json(http.addVersion("default", "a", V2_OPTIONAL));
      b1 = json(http.createArtifact("team", "b", V1, "")).get("version");
    }

    try (EmbeddedRegistry after = start()) {
      RegistryHttp http = new RegistryHttp(after);
      JsonNode c1 = json(http.createArtifact("default", "c", V3_REQUIRED, "")).get("version");

      assertThat(http.send("GET", "/ids/globalIds/" + a1.get("globalId"), null).body())
          .isEqualTo(V1);
      assertThat(http.send("GET", "/ids/globalIds/" + a2.get("globalId"), null).body())
          .isEqualTo(V2_OPTIONAL);
      assertThat(http.send("GET", "/ids/contentIds/" + b1.get("contentId"), null).body())
          .isEqualTo(V1);
      assertThat(b1.get("contentId")).isEqualTo(a1.get("contentId"));
      assertThat(json(http.send("GET", "/groups/default/artifacts/a/versions/2", null)))
          .isEqualTo(a2);
      assertThat(json(http.send("GET", "/groups/team/artifacts/b/versions/branch%3Dlatest", null)))
          .isEqualTo(b1);
      assertThat(c1.get("globalId").asLong()).isEqualTo(4);
      assertThat(c1.get("contentId").asLong()).isEqualTo(3);
      assertThat(json(http.addVersion("default", "a", V3_REQUIRED)).get("version").asText())
          .isEqualTo("3");
    }
  }

  @Test
  void rulesSetBeforeARestartStillApplyAndDeletedOnesStayDeleted() {
    try (EmbeddedRegistry before = start()) {
      RegistryHttp http = new RegistryHttp(before);
      http.createArtifact("default", "guarded", V1, "");
      http.createArtifact("team", "member", V1, "");
      http.addRule("/groups/default/artifacts/guarded", "COMPATIBILITY", "FORWARD");
      http.send(
          "PUT",
          "/groups/default/artifacts/guarded/rules/COMPATIBILITY",
          "{\"config\":\"BACKWARD\"}");
      http.addRule("/groups/team", "VALIDITY", "FULL");
      http.addRule("/admin", "COMPATIBILITY", "FULL");
      http.send("DELETE", "/admin/rules/COMPATIBILITY", null);
    }

    try (EmbeddedRegistry after = start()) {
      RegistryHttp http = new RegistryHttp(after);

      assertThat(http.addVersion("default", "guarded", V3_REQUIRED).statusCode()).isEqualTo(409);
      assertThat(http.createArtifact("team", "invalid", NOT_AVRO, "").statusCode()).isEqualTo(409);
      assertThat(http.send("GET", "/admin/rules", null).body()).isEqualTo("[]");
      assertThat(
              http.send("GET", "/groups/default/artifacts/guarded/rules/COMPATIBILITY", null)
                  .body())
          .isEqualTo("{\"config\":\"BACKWARD\",\"ruleType\":\"COMPATIBILITY\"}");
    }
  }

  @Test
  void recordsWrittenBeforeARestartAreReadAfterItByAFreshDeserializer() {
    Schema schema = new Schema.Parser().parse(V1);
    GenericData.Record value = new GenericData.Record(schema);
    value.put("id", "kept");
    byte[] framed;
    try (EmbeddedRegistry before = start();
        AvroKafkaSerializer<GenericRecord> serializer = new AvroKafkaSerializer<>()) {
      serializer.configure(serdeConfig(before), false);
      framed = serializer.serialize("restarted", value);
    }

    GenericRecord read;
    try (EmbeddedRegistry after = start();
        AvroKafkaDeserializer<GenericRecord> deserializer = new AvroKafkaDeserializer<>()) {
      deserializer.configure(serdeConfig(after), false);
      read = deserializer.deserialize("restarted", framed);
    }

    assertThat(read).isEqualTo(value);
  }

  private EmbeddedRegistry start() {
    return EmbeddedRegistry.start("127.0.0.1", 0, Optional.of(dataDir));
  }

  private static Map<String, Object> serdeConfig(EmbeddedRegistry registry) {
    Map<String, Object> config =
        new HashMap<>(ApicurioSerdes.config(RegistryConfig.of(registry.baseUrl())));
    config.put("apicurio.registry.use-specific-avro-reader", false);
    return config;
  }
}
