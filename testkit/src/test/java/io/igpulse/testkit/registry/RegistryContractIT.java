package io.igpulse.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.rest.client.models.RuleViolationProblemDetails;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.igpulse.schemas.serde.ApicurioSerdes;
import io.igpulse.schemas.serde.RegistryConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * The registry contract igpulse relies on, exercised through the serdes' own client and Apicurio's
 * REST API v3. It runs against whichever registry the JVM got, so the embedded registry is held to
 * what a real Apicurio Registry 3.1.7 does ({@code IGPULSE_REGISTRY_URL=... ./mvnw verify} runs it
 * against the real one). Artifact names are unique per run, so a shared real registry is not
 * disturbed.
 */
@WithRegistry
class RegistryContractIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Schema V1 = schema("");
  private static final Schema V2_OPTIONAL_FIELD =
      schema(",{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}");
  private static final Schema V3_REQUIRED_FIELD = schema(",{\"name\":\"count\",\"type\":\"long\"}");

  /** JSON that stops half-way: no Avro parser reads it. */
  private static final String NOT_AVRO =
      "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\"";

  private final String topic = "contract-" + UUID.randomUUID();

  @Test
  void shouldCreateOnFirstSerializeAndFindTheSameVersionAfterwards(SchemaRegistry registry)
      throws Exception {
    byte[] first = serialize(registry, serdeConfig(registry), topic, record(V1, "a"));
    byte[] second = serialize(registry, serdeConfig(registry), topic, record(V1, "b"));

    assertThat(idOf(second)).isEqualTo(idOf(first));
    JsonNode versions =
        getJson(registry, "/groups/default/artifacts/" + topic + "-value/versions", 200);
    assertThat(versions.get("count").asInt()).isEqualTo(1);
    assertThat(versions.get("versions").get(0).get("contentId").asLong()).isEqualTo(idOf(first));
  }

  @Test
  void shouldShareContentIdsAcrossArtifactsButNotGlobalIds(SchemaRegistry registry)
      throws Exception {
    byte[] one = serialize(registry, serdeConfig(registry), topic + "-one", record(V1, "a"));
    byte[] two = serialize(registry, serdeConfig(registry), topic + "-two", record(V1, "a"));

    assertThat(idOf(two)).isEqualTo(idOf(one));
    long globalOne = latest(registry, topic + "-one-value").get("globalId").asLong();
    long globalTwo = latest(registry, topic + "-two-value").get("globalId").asLong();
    assertThat(globalTwo).isNotEqualTo(globalOne);
  }

  @Test
  void shouldReadBackByContentIdAndByGlobalId(SchemaRegistry registry) {
    Map<String, Object> byGlobalId = serdeConfig(registry);
    byGlobalId.put("apicurio.registry.use-id", "globalId");
    GenericRecord value = record(V1, "round-trip");

    byte[] framedByContent = serialize(registry, serdeConfig(registry), topic, value);
    byte[] framedByGlobal = serialize(registry, byGlobalId, topic, value);

    assertThat(deserialize(serdeConfig(registry), topic, framedByContent)).isEqualTo(value);
    assertThat(deserialize(byGlobalId, topic, framedByGlobal)).isEqualTo(value);
    assertThat((long) idOf(framedByGlobal))
        .isEqualTo(latest(registry, topic + "-value").get("globalId").asLong());
  }

  @Test
  void shouldWriteWithTheLatestVersionWhenNotAutoRegistering(SchemaRegistry registry) {
    serialize(registry, serdeConfig(registry), topic, record(V1, "a"));
    byte[] evolved =
        serialize(registry, serdeConfig(registry), topic, record(V2_OPTIONAL_FIELD, "b"));
    Map<String, Object> findLatest =
        new HashMap<>(
            ApicurioSerdes.config(
                new RegistryConfig(
                    URI.create(registry.url()), false, RegistryConfig.ArtifactStrategy.TOPIC)));

    byte[] written = serialize(registry, findLatest, topic, record(V2_OPTIONAL_FIELD, "c"));

    assertThat(idOf(written)).isEqualTo(idOf(evolved));
    assertThat(latest(registry, topic + "-value").get("version").asText()).isEqualTo("2");
  }

  @Test
  void shouldFindAnOlderVersionByContentWhenNotAutoRegistering(SchemaRegistry registry) {
    byte[] original = serialize(registry, serdeConfig(registry), topic, record(V1, "a"));
    serialize(registry, serdeConfig(registry), topic, record(V2_OPTIONAL_FIELD, "b"));
    Map<String, Object> findByContent = serdeConfig(registry);
    findByContent.put("apicurio.registry.auto-register", false);
    findByContent.put("apicurio.registry.find-latest", false);

    byte[] written = serialize(registry, findByContent, topic, record(V1, "c"));

    assertThat(idOf(written)).isEqualTo(idOf(original));
  }

  @Test
  void shouldRejectABackwardIncompatibleVersionWith409(SchemaRegistry registry) throws Exception {
    serialize(registry, serdeConfig(registry), topic, record(V1, "a"));
    HttpResponse<String> ruleAdded =
        send(
            registry,
            "POST",
            "/groups/default/artifacts/" + topic + "-value/rules",
            "{\"ruleType\":\"COMPATIBILITY\",\"config\":\"BACKWARD\"}");
    assertThat(ruleAdded.statusCode()).isEqualTo(204);

    Throwable refused =
        catchThrowable(
            () ->
                serialize(registry, serdeConfig(registry), topic, record(V3_REQUIRED_FIELD, "b")));
    byte[] allowed =
        serialize(registry, serdeConfig(registry), topic, record(V2_OPTIONAL_FIELD, "c"));

    assertThat(refused).hasRootCauseInstanceOf(RuleViolationProblemDetails.class);
    assertThat(latest(registry, topic + "-value").get("contentId").asLong())
        .isEqualTo(idOf(allowed));
    HttpResponse<String> direct =
        send(
            registry,
            "POST",
            "/groups/default/artifacts?ifExists=FIND_OR_CREATE_VERSION&canonical=false",
            createArtifactBody(topic + "-value", V3_REQUIRED_FIELD));
    assertThat(direct.statusCode()).isEqualTo(409);
    assertThat(direct.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    JsonNode problem = JSON.readTree(direct.body());
    assertThat(problem.get("status").asInt()).isEqualTo(409);
    assertThat(problem.get("name").asText()).isEqualTo("RuleViolationException");
    assertThat(problem.get("causes")).isNotEmpty();
  }

  @Test
  void shouldAnswer404ProblemDetailsForUnknownIds(SchemaRegistry registry) throws Exception {
    JsonNode content = getJson(registry, "/ids/contentIds/" + (Integer.MAX_VALUE - 3), 404);
    JsonNode global = getJson(registry, "/ids/globalIds/" + (Integer.MAX_VALUE - 3), 404);
    JsonNode latest =
        getJson(
            registry,
            "/groups/default/artifacts/" + topic + "-missing/versions/branch%3Dlatest",
            404);

    assertThat(content.get("name").asText()).isEqualTo("ContentNotFoundException");
    assertThat(content.get("status").asInt()).isEqualTo(404);
    assertThat(global.get("name").asText()).isEqualTo("VersionNotFoundException");
    assertThat(latest.get("status").asInt()).isEqualTo(404);
  }

  @Test
  void shouldRefuseAnInvalidSchemaForANewArtifactUnderAGroupValidityRule(SchemaRegistry registry)
      throws Exception {
    String group = topic;
    send(registry, "POST", "/groups/" + group + "/artifacts", createArtifactBody("first", V1));
    HttpResponse<String> ruleAdded =
        send(
            registry,
            "POST",
            "/groups/" + group + "/rules",
            "{\"ruleType\":\"VALIDITY\",\"config\":\"FULL\"}");

    HttpResponse<String> refused =
        send(
            registry,
            "POST",
            "/groups/" + group + "/artifacts",
            createArtifactBody("second", NOT_AVRO));

    assertThat(ruleAdded.statusCode()).isEqualTo(204);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(refused.body()).get("name").asText())
        .isEqualTo("RuleViolationException");
  }

  @Test
  void shouldAnswer422ForUnparseableAvroUnderACompatibilityRule(SchemaRegistry registry)
      throws Exception {
    String artifact = topic + "-value";
    send(registry, "POST", "/groups/default/artifacts", createArtifactBody(artifact, V1));
    send(
        registry,
        "POST",
        "/groups/default/artifacts/" + artifact + "/rules",
        "{\"ruleType\":\"COMPATIBILITY\",\"config\":\"BACKWARD\"}");

    HttpResponse<String> refused =
        send(
            registry,
            "POST",
            "/groups/default/artifacts/" + artifact + "/versions",
            versionBody(NOT_AVRO));

    assertThat(refused.statusCode()).isEqualTo(422);
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("name").asText()).isEqualTo("UnprocessableSchemaException");
    assertThat(problem.get("title").asText())
        .isEqualTo("Could not execute compatibility rule on invalid Avro schema");
  }

  @Test
  void shouldFindTheNewestMatchingVersionWhenFindingCanonically(SchemaRegistry registry)
      throws Exception {
    String artifact = topic + "-value";
    String versions = "/groups/default/artifacts/" + artifact + "/versions";
    send(registry, "POST", "/groups/default/artifacts", createArtifactBody(artifact, V1));
    send(registry, "POST", versions, versionBody(V2_OPTIONAL_FIELD.toString()));
    JsonNode third = JSON.readTree(send(registry, "POST", versions, versionBody(V1 + "\n")).body());

    HttpResponse<String> found =
        send(
            registry,
            "POST",
            "/groups/default/artifacts?ifExists=FIND_OR_CREATE_VERSION&canonical=true",
            createArtifactBody(artifact, V1.toString(true)));

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(third.get("version").asText()).isEqualTo("3");
    assertThat(JSON.readTree(found.body()).get("version").get("globalId").asLong())
        .isEqualTo(third.get("globalId").asLong());
  }

  @Test
  void shouldAnswer404ForVersionsLatestWhichOnlyBranchLatestNames(SchemaRegistry registry)
      throws Exception {
    String artifact = topic + "-value";
    send(registry, "POST", "/groups/default/artifacts", createArtifactBody(artifact, V1));

    JsonNode latest =
        getJson(registry, "/groups/default/artifacts/" + artifact + "/versions/latest", 404);

    assertThat(latest.get("name").asText()).isEqualTo("VersionNotFoundException");
    assertThat(latest.get("title").asText())
        .isEqualTo(
            "No version 'latest' found for artifact with ID '" + artifact + "' in group 'null'.");
  }

  @Test
  void shouldStoreARuleConfigItDoesNotKnow(SchemaRegistry registry) throws Exception {
    String artifact = topic + "-value";
    String rules = "/groups/default/artifacts/" + artifact + "/rules";
    send(registry, "POST", "/groups/default/artifacts", createArtifactBody(artifact, V1));

    HttpResponse<String> added =
        send(registry, "POST", rules, "{\"ruleType\":\"COMPATIBILITY\",\"config\":\"FOO\"}");

    assertThat(added.statusCode()).isEqualTo(204);
    assertThat(getJson(registry, rules + "/COMPATIBILITY", 200).get("config").asText())
        .isEqualTo("FOO");
  }

  static Map<String, Object> serdeConfig(SchemaRegistry registry) {
    return new HashMap<>(ApicurioSerdes.config(registry.config()));
  }

  static byte[] serialize(
      SchemaRegistry registry, Map<String, Object> config, String topic, GenericRecord value) {
    try (AvroKafkaSerializer<GenericRecord> serializer = new AvroKafkaSerializer<>()) {
      serializer.configure(config, false);
      return serializer.serialize(topic, value);
    }
  }

  static GenericRecord deserialize(Map<String, Object> config, String topic, byte[] data) {
    Map<String, Object> generic = new HashMap<>(config);
    generic.put("apicurio.registry.use-specific-avro-reader", false);
    try (AvroKafkaDeserializer<GenericRecord> deserializer = new AvroKafkaDeserializer<>()) {
      deserializer.configure(generic, false);
      return deserializer.deserialize(topic, data);
    }
  }

  static int idOf(byte[] framed) {
    return ByteBuffer.wrap(framed, 1, 4).getInt();
  }

  static GenericRecord record(Schema schema, String id) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put("id", id);
    if (schema.getField("count") != null) {
      record.put("count", 1L);
    }
    return record;
  }

  private static Schema schema(String extraFields) {
    return new Schema.Parser()
        .parse(
            "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"io.igpulse.contract\",\"fields\":"
                + "[{\"name\":\"id\",\"type\":\"string\"}"
                + extraFields
                + "]}");
  }

  private static String createArtifactBody(String artifactId, Schema schema) throws Exception {
    return createArtifactBody(artifactId, schema.toString());
  }

  private static String createArtifactBody(String artifactId, String schema) throws Exception {
    Map<String, Object> content = Map.of("content", schema, "contentType", "application/json");
    return JSON.writeValueAsString(
        Map.of(
            "artifactId",
            artifactId,
            "artifactType",
            "AVRO",
            "firstVersion",
            Map.of("content", content)));
  }

  private static String versionBody(String schema) throws Exception {
    return JSON.writeValueAsString(
        Map.of("content", Map.of("content", schema, "contentType", "application/json")));
  }

  private static JsonNode latest(SchemaRegistry registry, String artifactId) {
    try {
      return getJson(
          registry, "/groups/default/artifacts/" + artifactId + "/versions/branch%3Dlatest", 200);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode getJson(SchemaRegistry registry, String path, int expectedStatus)
      throws Exception {
    HttpResponse<String> response = send(registry, "GET", path, null);
    assertThat(response.statusCode())
        .as("GET " + path + " -> " + response.body())
        .isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }

  static HttpResponse<String> send(SchemaRegistry registry, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(registry.apiUrl() + path))
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
