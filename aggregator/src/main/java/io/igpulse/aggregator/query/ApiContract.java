package io.igpulse.aggregator.query;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of each operation, as the OpenAPI document lists them: the document is the one
 * list. A request naming a query parameter its operation does not take is refused with 400 before
 * the handler runs (a misspelt {@code form=} is not silently ignored), and each path segment is
 * checked against {@link QueryBounds#key}. The values are checked by the handlers, through {@link
 * QueryBounds}.
 */
final class ApiContract {

  /** Longest unknown parameter name echoed in a 400. */
  private static final int ECHO = 40;

  /** Per documented GET, by its Vert.x path ("/api/accounts/:account/trend"). */
  private final Map<String, Operation> operations;

  /** A documented operation's query and path parameter names. */
  record Operation(Set<String> query, List<String> path) {}

  private ApiContract(Map<String, Operation> operations) {
    this.operations = operations;
  }

  static ApiContract of(JsonObject document) {
    JsonObject shared =
        document.getJsonObject("components", new JsonObject()).getJsonObject("parameters");
    Map<String, Operation> operations = new LinkedHashMap<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject get = paths.getJsonObject(path).getJsonObject("get");
      if (get == null) {
        continue;
      }
      Set<String> query = new TreeSet<>();
      List<String> inPath = new ArrayList<>();
      for (Object p : get.getJsonArray("parameters", new JsonArray())) {
        JsonObject parameter = resolve((JsonObject) p, shared);
        if ("query".equals(parameter.getString("in"))) {
          query.add(parameter.getString("name"));
        } else if ("path".equals(parameter.getString("in"))) {
          inPath.add(parameter.getString("name"));
        }
      }
      operations.put(vertxPath(path), new Operation(Set.copyOf(query), List.copyOf(inPath)));
    }
    return new ApiContract(operations);
  }

  /** The contract of the document served at {@code /openapi.json}. */
  static ApiContract served() {
    return of(new JsonObject(ApiDocs.resource(ApiDocs.DOCUMENT)));
  }

  Map<String, Operation> operations() {
    return operations;
  }

  /** A guard in front of every documented operation; mount before the handlers. */
  void guard(Router router) {
    operations.forEach((path, operation) -> router.get(path).handler(guard(path, operation)));
  }

  private static Handler<RoutingContext> guard(String path, Operation operation) {
    return ctx -> {
      for (String name : ctx.queryParams().names()) {
        if (!operation.query().contains(name)) {
          QueryRouter.error(
              ctx,
              400,
              "unknown parameter "
                  + (name.length() > ECHO ? name.substring(0, ECHO) + "…" : name)
                  + "; "
                  + documentedPath(path)
                  + " takes "
                  + (operation.query().isEmpty() ? "none" : new TreeSet<>(operation.query())));
          return;
        }
      }
      try {
        for (String name : operation.path()) {
          QueryBounds.key(name, ctx.pathParam(name));
        }
      } catch (QueryBounds.BadQueryException e) {
        QueryRouter.error(ctx, 400, e.getMessage());
        return;
      }
      ctx.next();
    };
  }

  /** "/api/accounts/{account}/trend" as Vert.x writes it: "/api/accounts/:account/trend". */
  static String vertxPath(String documented) {
    return documented.replaceAll("\\{([A-Za-z0-9_]+)}", ":$1");
  }

  /** The inverse of {@link #vertxPath}: "/api/accounts/{account}/trend". */
  static String documentedPath(String vertx) {
    return vertx.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
  }

  private static JsonObject resolve(JsonObject parameter, JsonObject shared) {
    String ref = parameter.getString("$ref");
    return ref == null ? parameter : shared.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
