package io.igpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The root {@code docker-compose.yml} as written (before variable interpolation): the registry
 * keeps its schemas in Kafka, Kafka keeps its log on a volume, nothing is published beyond
 * loopback, every service is health-checked and restarted, and the services listen beyond loopback
 * only inside the container.
 */
class ComposeFileTest {

  private static final Map<String, String> BIND_VARIABLES =
      Map.of(
          "collector", "IGPULSE_COLLECTOR_BIND_ADDRESS",
          "enricher", "IGPULSE_ENRICHER_BIND_ADDRESS",
          "aggregator", "IGPULSE_AGGREGATOR_BIND_ADDRESS");
  private static final Map<String, Integer> MANAGEMENT_PORTS =
      Map.of("collector", 9084, "enricher", 9085, "aggregator", 9083);

  private static JsonNode compose;

  @BeforeAll
  static void read() throws Exception {
    // Surefire runs in the module's directory; the compose file is at the repository's root.
    compose =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "docker-compose.yml").toFile());
  }

  @Test
  void shouldKeepTheRegistrysSchemasInKafka() {
    JsonNode env = service("registry").path("environment");

    assertThat(env.path("APICURIO_STORAGE_KIND").asText()).isEqualTo("kafkasql");
    assertThat(env.path("APICURIO_KAFKASQL_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:29092");
    assertThat(service("registry").path("depends_on").path("kafka").path("condition").asText())
        .isEqualTo("service_healthy");
  }

  @Test
  void shouldKeepKafkasLogOnANamedVolume() {
    JsonNode kafka = service("kafka");

    assertThat(kafka.path("environment").path("KAFKA_LOG_DIRS").asText())
        .isEqualTo("/var/lib/kafka/data");
    assertThat(texts(kafka.path("volumes"))).containsExactly("kafka-data:/var/lib/kafka/data");
    assertThat(compose.path("volumes").has("kafka-data")).isTrue();
  }

  @Test
  void shouldPublishEveryPortOnLoopbackOnly() {
    List<String> published = new ArrayList<>();
    compose
        .path("services")
        .fields()
        .forEachRemaining(s -> s.getValue().path("ports").forEach(p -> published.add(p.asText())));

    assertThat(published)
        .containsExactlyInAnyOrder(
            "127.0.0.1:9092:9092",
            "127.0.0.1:8081:8080",
            "127.0.0.1:8083:8083",
            "127.0.0.1:9083:9083",
            "127.0.0.1:8084:8084",
            "127.0.0.1:9084:9084",
            "127.0.0.1:9085:9085",
            "127.0.0.1:8090:8090");
  }

  @Test
  void shouldHealthCheckAndRestartEveryService() {
    compose
        .path("services")
        .fields()
        .forEachRemaining(
            s -> {
              assertThat(s.getValue().path("restart").asText())
                  .as(s.getKey())
                  .isEqualTo("unless-stopped");
              assertThat(texts(s.getValue().path("healthcheck").path("test")))
                  .as(s.getKey())
                  .isNotEmpty();
            });
    MANAGEMENT_PORTS.forEach(
        (name, port) ->
            assertThat(String.join(" ", texts(service(name).path("healthcheck").path("test"))))
                .as(name)
                .contains("/dev/tcp/127.0.0.1/" + port + " ", "GET /health/ready"));
  }

  @Test
  void shouldListenBeyondLoopbackOnlyInsideTheContainers() {
    BIND_VARIABLES.forEach(
        (name, variable) ->
            assertThat(service(name).path("environment").path(variable).asText())
                .as(name)
                .isEqualTo("0.0.0.0"));
  }

  @Test
  void shouldTakeTheAdminTokenFromTheHostsEnvironment() {
    assertThat(
            service("collector").path("environment").path("IGPULSE_COLLECTOR_ADMIN_TOKEN").asText())
        .isEqualTo("${IGPULSE_COLLECTOR_ADMIN_TOKEN:-}");
    assertThat(service("collector").path("environment").has("IGPULSE_COLLECTOR_ADMIN_AUTH"))
        .isFalse();
  }

  private static JsonNode service(String name) {
    JsonNode service = compose.path("services").path(name);
    assertThat(service.isMissingNode()).as("service " + name).isFalse();
    return service;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
