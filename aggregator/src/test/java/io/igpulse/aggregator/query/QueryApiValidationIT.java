package io.igpulse.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query router over HTTP on loopback, with no Streams behind it: bad parameters are refused
 * with 400 and a message naming them before any store is asked, and the contract and Swagger UI are
 * served from the jar.
 */
class QueryApiValidationIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Vertx vertx;
  private static int port;

  @BeforeAll
  static void serve() throws Exception {
    vertx = Vertx.vertx();
    AggregatorConfig config =
        AggregatorConfig.fromEnv(
            Map.of(
                "IGPULSE_KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "IGPULSE_REGISTRY_URL", "http://registry:8080"));
    QueryRouter router =
        new QueryRouter(vertx, config, () -> null, new HostInfo("127.0.0.1", 1), Clock.systemUTC());
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(router.router())
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get();
    port = server.actualPort();
  }

  @AfterAll
  static void close() {
    vertx.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/hashtags/top?window=PT2H|unknown window PT2H",
        "/api/hashtags/top?at=yesterday|at must be an ISO-8601 instant",
        "/api/hashtags/bread/trend?from=2026-11-23|from must be an ISO-8601 instant",
        "/api/hashtags/bread/trend?window=P1W|unknown window P1W",
        "/api/accounts/17841/trend?to=noon|to must be an ISO-8601 instant",
        "/api/accounts/17841/earned?window=5m|unknown window 5m",
        "/api/accounts/17841/followers?from=2026-13-01|from must be a date like 2026-11-23",
        "/api/accounts/17841/followers?to=2026-11-23T00:00:00Z|to must be a date like 2026-11-23",
        "/api/accounts?window=P1Y|unknown window P1Y",
        "/api/accounts?at=%2B1000000000-01-01T00:00:00Z|at must lie between",
        "/api/hashtags/bread/media?at=noon|at must be an ISO-8601 instant",
        "/api/accounts/17841/trend?form=2026-11-23T00:00:00Z|unknown parameter form;",
        "/api/accounts/17841/audience?window=PT1H|takes none"
      })
  void shouldRefuseABadParameterWith400AndAMessage(String uri, String message) {
    HttpResponse<String> response = get(uri);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(new JsonObject(response.body()).getString("error")).contains(message);
  }

  /** Every documented operation with its path parameters filled in. */
  static Stream<Arguments> operations() {
    return ApiContract.served().operations().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  /**
   * Each query parameter the document lists, given a value no parameter accepts, is refused with a
   * message naming it: proof that the handler reads and checks every documented parameter.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void shouldCheckEveryDocumentedParameterOfEveryOperation(
      String path, ApiContract.Operation operation) {
    for (String param : operation.query()) {
      HttpResponse<String> response = get(filled(path, "x") + "?" + param + "=%7Enot-a-value");

      assertThat(response.statusCode()).as("%s?%s", path, param).isEqualTo(400);
      assertThat(new JsonObject(response.body()).getString("error"))
          .as("%s?%s", path, param)
          .matches("(" + param + " |unknown " + param + " ).*");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void shouldRefuseAnUndocumentedParameterAndAnOverlongKeyOnEveryOperation(
      String path, ApiContract.Operation operation) {
    HttpResponse<String> unknown = get(filled(path, "x") + "?limit=5");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(unknown.body()).getString("error"))
        .startsWith("unknown parameter limit; " + ApiContract.documentedPath(path) + " takes ");
    if (!operation.path().isEmpty()) {
      String overlong = "a".repeat(QueryBounds.MAX_KEY_LENGTH + 1);
      HttpResponse<String> response = get(filled(path, overlong));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(new JsonObject(response.body()).getString("error"))
          .isEqualTo(
              operation.path().get(0)
                  + " must have 1 to "
                  + QueryBounds.MAX_KEY_LENGTH
                  + " characters, got "
                  + overlong.length());
    }
  }

  /** The Vert.x path with every ":param" replaced by {@code value}. */
  private static String filled(String path, String value) {
    return path.replaceAll(":[A-Za-z0-9_]+", value);
  }

  @Test
  void shouldAnswer503WithAMessageWhileStreamsAreNotStarted() {
    HttpResponse<String> response = get("/api/accounts/17841/posting-hours");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(response.body()).getString("error"))
        .isEqualTo("not ready: streams are not started");
  }

  @Test
  void shouldServeTheOpenApiDocument() {
    HttpResponse<String> response = get("/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject document = new JsonObject(response.body());
    assertThat(document.getString("openapi")).startsWith("3.");
    assertThat(document.getJsonObject("paths").containsKey("/api/hashtags/top")).isTrue();
  }

  @Test
  void shouldServeSwaggerUiFromItsWebJarPointedAtTheDocument() {
    HttpResponse<String> page = get("/docs/");
    HttpResponse<String> bundle = get("/docs/swagger-ui-bundle.js");
    HttpResponse<String> css = get("/docs/swagger-ui.css");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("url: '/openapi.json'").doesNotContain("https://");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.body().length()).isGreaterThan(100_000);
    assertThat(css.statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> get(String pathAndQuery) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
