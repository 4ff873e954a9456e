package io.igpulse.testkit.registry;

import static io.igpulse.testkit.registry.RegistryContractIT.record;
import static io.igpulse.testkit.registry.RegistryContractIT.send;
import static io.igpulse.testkit.registry.RegistryContractIT.serdeConfig;
import static io.igpulse.testkit.registry.RegistryContractIT.serialize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.igpulse.testkit.registry.standin.StandInRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins exactly which calls the 3.1.7 serdes make, per scenario, by reading the stand-in's call log:
 * this is the surface the stand-in must serve, and where a serdes upgrade that asks for more would
 * show up first. Only meaningful against the stand-in (skipped with an external or container
 * registry).
 */
@WithRegistry
class StandInRegistryCallsIT {

  private static final Schema PROBE =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"CallProbe\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");

  private StandInRegistry standIn;
  private final String topic = "calls-" + UUID.randomUUID();

  @BeforeEach
  void onlyAgainstTheStandIn(SchemaRegistry registry) {
    assumeTrue(registry.standIn().isPresent(), "call log exists only on the stand-in");
    standIn = registry.standIn().orElseThrow();
  }

  @Test
  void serializingWithAutoRegisterCreatesOrFindsOneVersion(SchemaRegistry registry) {
    List<String> calls =
        callsDuring(() -> serialize(registry, serdeConfig(registry), topic, record(PROBE, "a")));

    assertThat(calls).containsExactly("POST /groups/{groupId}/artifacts?canonical&ifExists");
  }

  @Test
  void deserializingByContentIdReadsContentThenReferences(SchemaRegistry registry) {
    byte[] framed = serialize(registry, serdeConfig(registry), topic, record(PROBE, "a"));

    List<String> calls =
        callsDuring(() -> RegistryContractIT.deserialize(serdeConfig(registry), topic, framed));

    assertThat(calls)
        .containsExactly(
            "GET /ids/contentIds/{contentId}", "GET /ids/contentIds/{contentId}/references");
  }

  @Test
  void deserializingByGlobalIdReadsTheDereferencedVersion(SchemaRegistry registry) {
    Map<String, Object> byGlobalId = serdeConfig(registry);
    byGlobalId.put("apicurio.registry.use-id", "globalId");
    byte[] framed = serialize(registry, byGlobalId, topic, record(PROBE, "a"));

    List<String> calls =
        callsDuring(() -> RegistryContractIT.deserialize(byGlobalId, topic, framed));

    assertThat(calls).containsExactly("GET /ids/globalIds/{globalId}?references");
  }

  @Test
  void serializingWithFindLatestReadsTheLatestVersion(SchemaRegistry registry) {
    serialize(registry, serdeConfig(registry), topic, record(PROBE, "a"));
    Map<String, Object> findLatest = serdeConfig(registry);
    findLatest.put("apicurio.registry.auto-register", false);
    findLatest.put("apicurio.registry.find-latest", true);

    List<String> calls =
        callsDuring(() -> serialize(registry, findLatest, topic, record(PROBE, "b")));

    assertThat(calls)
        .containsExactly(
            "GET /groups/{groupId}/artifacts/{artifactId}/versions/{version}",
            "GET /ids/globalIds/{globalId}?references");
  }

  @Test
  void serializingWithoutAutoRegisterSearchesByContent(SchemaRegistry registry) {
    serialize(registry, serdeConfig(registry), topic, record(PROBE, "a"));
    Map<String, Object> findByContent = serdeConfig(registry);
    findByContent.put("apicurio.registry.auto-register", false);
    findByContent.put("apicurio.registry.find-latest", false);

    List<String> calls =
        callsDuring(() -> serialize(registry, findByContent, topic, record(PROBE, "b")));

    assertThat(calls)
        .containsExactly(
            "POST /search/versions?artifactId&artifactType&canonical&groupId&limit&order&orderby");
  }

  @Test
  void globalRulesCanBeAddedReadAndRemoved(SchemaRegistry registry) throws Exception {
    String rule = "{\"ruleType\":\"COMPATIBILITY\",\"config\":\"BACKWARD\"}";

    assertThat(send(registry, "POST", "/admin/rules", rule).statusCode()).isEqualTo(204);
    try {
      assertThat(send(registry, "GET", "/admin/rules", null).body())
          .isEqualTo("[\"COMPATIBILITY\"]");
      assertThat(
              RegistryContractIT.getJson(registry, "/admin/rules/COMPATIBILITY", 200)
                  .get("config")
                  .asText())
          .isEqualTo("BACKWARD");
      assertThat(send(registry, "POST", "/admin/rules", rule).statusCode()).isEqualTo(409);
    } finally {
      assertThat(send(registry, "DELETE", "/admin/rules/COMPATIBILITY", null).statusCode())
          .isEqualTo(204);
    }
  }

  private List<String> callsDuring(Runnable action) {
    int before = standIn.calls().size();
    action.run();
    List<String> all = standIn.calls();
    return all.subList(before, all.size());
  }
}
