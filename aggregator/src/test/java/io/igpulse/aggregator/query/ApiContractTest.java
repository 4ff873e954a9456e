package io.igpulse.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the router agree: every API route the router registers is documented
 * with its method and path parameters, and every documented operation is routed.
 */
class ApiContractTest {

  private static Vertx vertx;
  private static Router router;
  private static JsonObject document;

  @BeforeAll
  static void build() {
    vertx = Vertx.vertx();
    AggregatorConfig config =
        AggregatorConfig.fromEnv(
            Map.of(
                "IGPULSE_KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "IGPULSE_REGISTRY_URL", "http://registry:8080"));
    router =
        new QueryRouter(vertx, config, () -> null, new HostInfo("127.0.0.1", 1), Clock.systemUTC())
            .router();
    document = new JsonObject(ApiDocs.resource(ApiDocs.DOCUMENT));
  }

  @AfterAll
  static void close() {
    vertx.close();
  }

  @Test
  void shouldDocumentExactlyTheRoutedApiOperations() {
    assertThat(documentedOperations()).isEqualTo(routedOperations()).isNotEmpty();
  }

  @Test
  void shouldDocumentEachPathParameterOfEachOperation() {
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      Set<String> inPath = new TreeSet<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
      while (m.find()) {
        inPath.add(m.group(1));
      }
      JsonObject operations = paths.getJsonObject(path);
      for (String method : operations.fieldNames()) {
        Set<String> declared = new TreeSet<>();
        for (Object p : operations.getJsonObject(method).getJsonArray("parameters")) {
          JsonObject parameter = resolve((JsonObject) p);
          if ("path".equals(parameter.getString("in"))) {
            declared.add(parameter.getString("name"));
          }
        }
        assertThat(declared).as(method + " " + path).isEqualTo(inPath);
      }
    }
  }

  @Test
  void shouldDocumentThePathKeyBoundTheRouterChecks() {
    JsonObject shared = document.getJsonObject("components").getJsonObject("parameters");
    for (String name : List.of("hashtag", "account")) {
      JsonObject schema = shared.getJsonObject(name).getJsonObject("schema");
      assertThat(schema.getInteger("minLength")).as(name).isEqualTo(1);
      assertThat(schema.getInteger("maxLength")).as(name).isEqualTo(QueryBounds.MAX_KEY_LENGTH);
    }
  }

  @Test
  void shouldGuardEachDocumentedOperationWithItsOwnParameters() {
    ApiContract contract = ApiContract.of(document);

    assertThat(contract.operations().keySet())
        .extracting(path -> "GET " + ApiContract.documentedPath(path))
        .containsExactlyInAnyOrderElementsOf(documentedOperations());
    assertThat(contract.operations().get("/api/accounts/:account/trend"))
        .isEqualTo(new ApiContract.Operation(Set.of("window", "from", "to"), List.of("account")));
    assertThat(contract.operations().get("/api/accounts/:account/posting-hours").query()).isEmpty();
  }

  @Test
  void shouldDocumentEveryErrorAsAnErrorObject() {
    JsonObject responses = document.getJsonObject("components").getJsonObject("responses");
    for (String name : responses.fieldNames()) {
      assertThat(
              responses
                  .getJsonObject(name)
                  .getJsonObject("content")
                  .getJsonObject("application/json")
                  .getJsonObject("schema")
                  .getString("$ref"))
          .as(name)
          .isEqualTo("#/components/schemas/Error");
    }
  }

  @Test
  void shouldFindSwaggerUiInItsWebJar() {
    assertThat(ApiDocs.resource(ApiDocs.SWAGGER_UI + "/swagger-ui-bundle.js").length())
        .isGreaterThan(100_000);
  }

  /** "GET /api/accounts/{account}/trend" for every route under /api, from the router itself. */
  private static Set<String> routedOperations() {
    Set<String> operations = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null || !path.startsWith("/api/")) {
        continue;
      }
      String templated = ApiContract.documentedPath(path);
      Set<HttpMethod> methods = route.methods();
      assertThat(methods).as("methods of " + path).isNotEmpty();
      methods.forEach(method -> operations.add(method.name() + " " + templated));
    }
    return operations;
  }

  private static Set<String> documentedOperations() {
    Set<String> operations = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
      }
    }
    return operations;
  }

  /** A parameter given inline or as a $ref into components. */
  private static JsonObject resolve(JsonObject parameter) {
    String ref = parameter.getString("$ref");
    if (ref == null) {
      return parameter;
    }
    return document
        .getJsonObject("components")
        .getJsonObject("parameters")
        .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
