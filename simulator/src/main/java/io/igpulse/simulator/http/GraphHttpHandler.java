package io.igpulse.simulator.http;

import io.igpulse.simulator.api.CallStats;
import io.igpulse.simulator.api.GraphApi;
import io.igpulse.simulator.api.GraphErrors;
import io.igpulse.simulator.api.GraphResponse;
import io.igpulse.simulator.api.Json;
import io.igpulse.simulator.api.QueryStrings;
import io.igpulse.simulator.api.TokenRegistry;
import io.igpulse.simulator.control.FaultKind;
import io.igpulse.simulator.control.Faults;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP edge of the Graph API: turns a request into a call, applies armed faults, writes the
 * answer. Decisions live in {@link GraphApi} and {@link Faults}.
 */
final class GraphHttpHandler implements Handler<HttpServerRequest> {

  private static final int SLOW_PIECE_BYTES = 64;

  private final Vertx vertx;
  private final GraphApi api;
  private final Faults faults;
  private final TokenRegistry tokens;
  private final CallStats stats;

  GraphHttpHandler(
      Vertx vertx, GraphApi api, Faults faults, TokenRegistry tokens, CallStats stats) {
    this.vertx = vertx;
    this.api = api;
    this.faults = faults;
    this.tokens = tokens;
    this.stats = stats;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (request.method() == HttpMethod.POST) {
      request
          .body()
          .onSuccess(body -> serve(request, body))
          .onFailure(e -> request.connection().close());
    } else {
      serve(request, null);
    }
  }

  private void serve(HttpServerRequest request, Buffer body) {
    HttpServerResponse out = request.response();
    String method = request.method().name();
    String path = request.path();
    Map<String, String> params = params(request, body);
    String bearer = bearer(request.getHeader("Authorization"));
    Faults.Decision faults =
        this.faults.armed() ? this.faults.decide(api.classify(method, path)) : Faults.Decision.NONE;
    if (faults.isNone()) {
      write(out, api.handle(method, path, params, bearer), 0);
      return;
    }
    GraphResponse response;
    FaultKind kind = faults.outcome() == null ? FaultKind.LATENCY : faults.outcome().kind();
    switch (kind) {
      case CONNECTION_RESET -> {
        stats.fault("connection_reset");
        request.connection().close();
        return;
      }
      case ERROR_500 -> {
        stats.fault("error_500");
        response = api.injected(GraphErrors.transientServerError(), api.classify(method, path));
      }
      case GRAPH_ERROR -> {
        stats.fault("graph_error");
        response =
            api.injected(
                GraphErrors.byCode(faults.outcome().code(), faults.outcome().subcode()),
                api.classify(method, path));
      }
      case REVOKE_TOKEN -> {
        stats.fault("revoke_token");
        String token = params.getOrDefault("access_token", bearer);
        if (token != null) {
          tokens.revoke(token);
        }
        response = api.handle(method, path, params, bearer);
      }
      case MALFORMED_JSON -> {
        stats.fault("malformed_json");
        GraphResponse real = api.handle(method, path, params, bearer);
        byte[] cut = Arrays.copyOf(real.body(), Math.max(1, real.body().length / 2));
        response = new GraphResponse(200, real.headers(), cut, real.endpoint());
      }
      default -> response = api.handle(method, path, params, bearer);
    }
    GraphResponse answer = response;
    if (faults.latencyMs() > 0) {
      stats.fault("latency");
      vertx.setTimer(faults.latencyMs(), id -> write(out, answer, faults.slowBodyDelayMs()));
    } else {
      write(out, answer, faults.slowBodyDelayMs());
    }
  }

  private void write(HttpServerResponse response, GraphResponse answer, long slowDelayMs) {
    if (response.closed()) {
      return;
    }
    response.setStatusCode(answer.status());
    answer.headers().forEach(response::putHeader);
    if (slowDelayMs <= 0) {
      response.end(Buffer.buffer(answer.body()));
      return;
    }
    stats.fault("slow_body");
    response.setChunked(true);
    writeSlowly(response, answer.body(), 0, slowDelayMs);
  }

  private void writeSlowly(HttpServerResponse response, byte[] body, int from, long delayMs) {
    if (response.closed()) {
      return;
    }
    int to = Math.min(body.length, from + SLOW_PIECE_BYTES);
    if (to >= body.length) {
      response.end(Buffer.buffer(Arrays.copyOfRange(body, from, to)));
      return;
    }
    response.write(Buffer.buffer(Arrays.copyOfRange(body, from, to)));
    vertx.setTimer(delayMs, id -> writeSlowly(response, body, to, delayMs));
  }

  /** Query and form parameters in order (first value wins); a JSON body's members for batches. */
  private static Map<String, String> params(HttpServerRequest request, Buffer body) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : request.params()) {
      params.putIfAbsent(entry.getKey(), entry.getValue());
    }
    if (body == null || body.length() == 0) {
      return params;
    }
    String type = request.getHeader("Content-Type");
    if (type != null && type.startsWith("application/json")) {
      try {
        Json.parse(body.toString())
            .fields()
            .forEachRemaining(
                e ->
                    params.putIfAbsent(
                        e.getKey(),
                        e.getValue().isTextual()
                            ? e.getValue().asText()
                            : e.getValue().toString()));
      } catch (RuntimeException notJson) {
        // answered by the API as a missing or bad parameter
      }
    } else {
      QueryStrings.parse(body.toString()).forEach(params::putIfAbsent);
    }
    return params;
  }

  private static String bearer(String authorization) {
    if (authorization == null) {
      return null;
    }
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    if (authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
      return authorization.substring(6).trim();
    }
    return null;
  }
}
