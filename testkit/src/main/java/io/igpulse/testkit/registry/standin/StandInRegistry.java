package io.igpulse.testkit.registry.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.igpulse.testkit.registry.standin.RegistryState.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small in-JVM server speaking the part of Apicurio Registry's REST API v3 that the 3.1.x serdes
 * call (see shared/design/REGISTRY-API.md), for machines where no real registry can run. It answers
 * over real HTTP on loopback, keeps Apicurio's identity and rule semantics, and records every call
 * so contract tests can pin exactly what the serdes ask. A real Apicurio must pass the same
 * contract tests unchanged.
 */
public final class StandInRegistry implements AutoCloseable {

  /** Where Apicurio serves API v3. */
  public static final String API_PREFIX = "/apis/registry/v3";

  private static final Logger LOG = LoggerFactory.getLogger(StandInRegistry.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryState state = new RegistryState();
  private final List<String> calls = new ArrayList<>();
  private final HttpServer server;
  private final ExecutorService executor;

  private StandInRegistry(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts on 127.0.0.1 and the given port (0 for any free one). */
  public static StandInRegistry start(int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
      AtomicInteger threads = new AtomicInteger();
      ExecutorService executor =
          Executors.newFixedThreadPool(
              4,
              r -> {
                Thread t = new Thread(r, "registry-stand-in-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      StandInRegistry registry = new StandInRegistry(server, executor);
      server.setExecutor(executor);
      server.createContext("/", registry::handle);
      server.start();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the registry stand-in on port " + port, e);
    }
  }

  /** Base URL, e.g. {@code http://127.0.0.1:41234} (the serdes add {@code /apis/registry/v3}). */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every call served so far as {@code METHOD /path/template?queryParameterNames}, in order. */
  public List<String> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    try (exchange) {
      try {
        Answer answer =
            route(method, rawPath, query(exchange), exchange.getRequestBody().readAllBytes());
        send(exchange, answer);
      } catch (RegistryProblem problem) {
        send(exchange, Answer.json(problem.status(), problemBody(problem)));
      } catch (RuntimeException e) {
        LOG.warn("registry stand-in failed on {} {}", method, rawPath, e);
        send(
            exchange,
            Answer.json(
                500,
                problemBody(
                    new RegistryProblem(
                        500, "ServerError", e.toString(), e.toString(), List.of()))));
      }
    }
  }

  private Answer route(String method, String rawPath, Map<String, String> query, byte[] body) {
    if (rawPath.startsWith("/health/")) {
      return Answer.json(200, JSON.createObjectNode().put("status", "UP"));
    }
    if (!rawPath.startsWith(API_PREFIX + "/")) {
      throw RegistryProblem.notFound(method, rawPath);
    }
    String[] s =
        Arrays.stream(rawPath.substring(API_PREFIX.length() + 1).split("/"))
            .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
            .toArray(String[]::new);
    String template = template(s);
    String names =
        query.isEmpty() ? "" : "?" + String.join("&", new java.util.TreeSet<>(query.keySet()));
    synchronized (calls) {
      calls.add(method + " " + template + names);
    }
    LOG.debug("registry stand-in: {} {} {}", method, template, query);
    return switch (method + " " + template) {
      case "POST /groups/{groupId}/artifacts" -> createArtifact(s[1], query, json(body));
      case "GET /groups/{groupId}/artifacts/{artifactId}" ->
          Answer.json(200, artifactMeta(s[1], s[3]));
      case "GET /groups/{groupId}/artifacts/{artifactId}/versions" -> versionList(s[1], s[3]);
      case "POST /groups/{groupId}/artifacts/{artifactId}/versions" ->
          createVersion(s[1], s[3], json(body));
      case "GET /groups/{groupId}/artifacts/{artifactId}/versions/{version}" ->
          Answer.json(200, versionMeta(state.version(s[1], s[3], s[5])));
      case "GET /groups/{groupId}/artifacts/{artifactId}/versions/{version}/content" ->
          Answer.raw(state.content(state.version(s[1], s[3], s[5]).contentId()));
      case "GET /groups/{groupId}/artifacts/{artifactId}/versions/{version}/references",
          "GET /ids/contentIds/{contentId}/references",
          "GET /ids/globalIds/{globalId}/references" -> {
        checkIdExists(s);
        yield Answer.json(200, JSON.createArrayNode());
      }
      case "GET /ids/contentIds/{contentId}" -> Answer.raw(state.content(id(s[2])));
      case "GET /ids/globalIds/{globalId}" ->
          Answer.raw(state.content(state.byGlobalId(id(s[2])).contentId()));
      case "POST /search/versions" -> search(query, new String(body, StandardCharsets.UTF_8));
      case "GET /groups/{groupId}/artifacts/{artifactId}/rules" -> ruleList(s[1], s[3]);
      case "POST /groups/{groupId}/artifacts/{artifactId}/rules" -> addRule(s[1], s[3], json(body));
      case "GET /groups/{groupId}/artifacts/{artifactId}/rules/{ruleType}" ->
          rule(s[1], s[3], s[5]);
      case "PUT /groups/{groupId}/artifacts/{artifactId}/rules/{ruleType}" ->
          updateRule(s[1], s[3], s[5], json(body));
      case "DELETE /groups/{groupId}/artifacts/{artifactId}/rules/{ruleType}" -> {
        state.deleteRule(s[1], s[3], s[5]);
        yield Answer.empty();
      }
      case "GET /admin/rules" -> ruleList(null, null);
      case "POST /admin/rules" -> addRule(null, null, json(body));
      case "GET /admin/rules/{ruleType}" -> rule(null, null, s[2]);
      case "PUT /admin/rules/{ruleType}" -> updateRule(null, null, s[2], json(body));
      case "DELETE /admin/rules/{ruleType}" -> {
        state.deleteRule(null, null, s[2]);
        yield Answer.empty();
      }
      case "GET /system/info" ->
          Answer.json(
              200,
              JSON.createObjectNode()
                  .put("name", "igpulse registry stand-in")
                  .put(
                      "description",
                      "in-JVM stand-in for the Apicurio Registry v3 API used by the serdes")
                  .put("version", "3.1.7-compatible"));
      default -> throw RegistryProblem.notFound(method, rawPath);
    };
  }

  /** Names the path's variable segments so that calls can be logged and routed by shape. */
  private static String template(String[] s) {
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < s.length; i++) {
      t.append('/').append(variableName(s, i).orElse(s[i]));
    }
    return t.toString();
  }

  private static java.util.Optional<String> variableName(String[] s, int i) {
    String name =
        switch (s[0]) {
          case "groups" ->
              switch (i) {
                case 1 -> "{groupId}";
                case 3 -> "{artifactId}";
                case 5 -> "rules".equals(s[4]) ? "{ruleType}" : "{version}";
                default -> null;
              };
          case "ids" -> i == 2 ? ("contentIds".equals(s[1]) ? "{contentId}" : "{globalId}") : null;
          case "admin" -> i == 2 ? "{ruleType}" : null;
          default -> null;
        };
    return java.util.Optional.ofNullable(name);
  }

  private Answer createArtifact(String groupId, Map<String, String> query, JsonNode body) {
    String artifactId = text(body, "artifactId");
    String type = body.path("artifactType").asText("AVRO");
    JsonNode firstContent = body.path("firstVersion").path("content");
    String content = firstContent.path("content").asText(null);
    if (content == null) {
      throw RegistryProblem.badRequest("firstVersion.content.content is required");
    }
    rejectReferences(firstContent);
    RegistryState.Registered registered =
        state.register(
            groupId,
            artifactId,
            type,
            content,
            query.getOrDefault("ifExists", "FAIL"),
            Boolean.parseBoolean(query.getOrDefault("canonical", "false")));
    ObjectNode answer = JSON.createObjectNode();
    answer.set("artifact", artifactMeta(groupId, artifactId));
    answer.set("version", versionMeta(registered.version()));
    return Answer.json(200, answer);
  }

  private Answer createVersion(String groupId, String artifactId, JsonNode body) {
    state.versions(groupId, artifactId); // 404 for an unknown artifact, like the real server
    String content = text(body.path("content"), "content");
    rejectReferences(body.path("content"));
    Version version =
        state.register(groupId, artifactId, "AVRO", content, "CREATE_VERSION", false).version();
    return Answer.json(200, versionMeta(version));
  }

  /**
   * igpulse's serdes dereference schemas, so nothing of ours sends references; a stand-in that
   * stored them without resolving them would answer wrongly, so it says plainly that it does not
   * serve them.
   */
  private static void rejectReferences(JsonNode content) {
    JsonNode references = content.path("references");
    if (references.isArray() && !references.isEmpty()) {
      throw RegistryProblem.badRequest(
          "The registry stand-in does not serve artifact references; set apicurio.registry.dereference-schema=true");
    }
  }

  private Answer versionList(String groupId, String artifactId) {
    List<Version> versions = state.versions(groupId, artifactId);
    ArrayNode items = JSON.createArrayNode();
    versions.forEach(v -> items.add(versionMeta(v)));
    ObjectNode answer = JSON.createObjectNode().put("count", versions.size());
    answer.set("versions", items);
    return Answer.json(200, answer);
  }

  private Answer search(Map<String, String> query, String content) {
    List<Version> found =
        state.search(
            query.get("groupId"),
            query.get("artifactId"),
            content,
            Boolean.parseBoolean(query.getOrDefault("canonical", "false")));
    int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
    int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
    ArrayNode items = JSON.createArrayNode();
    found.stream().skip(offset).limit(limit).forEach(v -> items.add(versionMeta(v)));
    ObjectNode answer = JSON.createObjectNode().put("count", found.size());
    answer.set("versions", items);
    return Answer.json(200, answer);
  }

  private Answer ruleList(String groupId, String artifactId) {
    ArrayNode types = JSON.createArrayNode();
    state.ruleTypes(groupId, artifactId).forEach(types::add);
    return Answer.json(200, types);
  }

  private Answer addRule(String groupId, String artifactId, JsonNode body) {
    state.addRule(groupId, artifactId, text(body, "ruleType"), text(body, "config"));
    return Answer.empty();
  }

  private Answer updateRule(String groupId, String artifactId, String ruleType, JsonNode body) {
    state.updateRule(groupId, artifactId, ruleType, text(body, "config"));
    return rule(groupId, artifactId, ruleType);
  }

  private Answer rule(String groupId, String artifactId, String ruleType) {
    return Answer.json(
        200,
        JSON.createObjectNode()
            .put("config", state.ruleConfig(groupId, artifactId, ruleType))
            .put("ruleType", ruleType));
  }

  private void checkIdExists(String[] s) {
    if (s[0].equals("ids") && s[1].equals("contentIds")) {
      state.content(id(s[2]));
    } else if (s[0].equals("ids")) {
      state.byGlobalId(id(s[2]));
    } else {
      state.version(s[1], s[3], s[5]);
    }
  }

  private ObjectNode artifactMeta(String groupId, String artifactId) {
    List<Version> versions = state.versions(groupId, artifactId);
    return JSON.createObjectNode()
        .put("groupId", groupId)
        .put("artifactId", artifactId)
        .put("artifactType", versions.isEmpty() ? "AVRO" : versions.get(0).artifactType())
        .put("owner", "")
        .put("createdOn", state.artifactCreatedOn(groupId, artifactId).toString())
        .put(
            "modifiedOn",
            versions.isEmpty() ? null : versions.get(versions.size() - 1).createdOn().toString());
  }

  private static ObjectNode versionMeta(Version v) {
    return JSON.createObjectNode()
        .put("groupId", v.groupId())
        .put("artifactId", v.artifactId())
        .put("version", v.version())
        .put("globalId", v.globalId())
        .put("contentId", v.contentId())
        .put("artifactType", v.artifactType())
        .put("state", "ENABLED")
        .put("owner", "")
        .put("createdOn", v.createdOn().toString());
  }

  private static ObjectNode problemBody(RegistryProblem problem) {
    ObjectNode body = JSON.createObjectNode();
    if (!problem.causes().isEmpty()) {
      ArrayNode causes = body.putArray("causes");
      problem
          .causes()
          .forEach(
              c ->
                  causes
                      .addObject()
                      .put("description", c.description())
                      .put("context", c.context()));
    }
    return body.put("detail", problem.detail())
        .put("title", problem.title())
        .put("status", problem.status())
        .put("name", problem.name());
  }

  private static JsonNode json(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw RegistryProblem.badRequest("request body is not JSON: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw RegistryProblem.badRequest(field + " is required");
    }
    return value.asText();
  }

  private static long id(String segment) {
    try {
      return Long.parseLong(segment);
    } catch (NumberFormatException e) {
      throw RegistryProblem.badRequest("not an id: " + segment);
    }
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.put(key, value);
    }
    return query;
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    // Every answer carries a content type: the serdes' JDK client fails on a JSON body without one.
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    if (answer.body().length == 0) {
      exchange.sendResponseHeaders(answer.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(answer.status(), answer.body().length);
    exchange.getResponseBody().write(answer.body());
  }

  /** One HTTP answer. */
  private record Answer(int status, String contentType, byte[] body) {
    static Answer json(int status, JsonNode node) {
      try {
        return new Answer(status, "application/json", JSON.writeValueAsBytes(node));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static Answer raw(String content) {
      return new Answer(200, "application/json", content.getBytes(StandardCharsets.UTF_8));
    }

    static Answer empty() {
      return new Answer(204, "application/json", new byte[0]);
    }
  }
}
