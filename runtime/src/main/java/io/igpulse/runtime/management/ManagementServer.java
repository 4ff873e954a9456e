package io.igpulse.runtime.management;

import io.igpulse.runtime.http.PlainHttp;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The management port every service has, apart from its business port so that probes and scrapes
 * never queue behind traffic: {@code /health/live} (the process answers), {@code /health/ready}
 * (200 or 503 from the service's own readiness) and {@code /metrics} (Prometheus text).
 */
public final class ManagementServer {

  private final HttpServer server;

  private ManagementServer(HttpServer server) {
    this.server = server;
  }

  /**
   * @param host the address to listen on: loopback by default (see {@code Settings.bindAddress}),
   *     {@code 0.0.0.0} in a container whose probes and scrapes come from outside
   * @param liveness false once the service cannot recover by itself: {@code /health/live} then
   *     answers 503, so that an orchestrator restarts the process
   */
  public static Future<ManagementServer> start(
      Vertx vertx,
      String host,
      int port,
      Supplier<Readiness> readiness,
      BooleanSupplier liveness,
      PrometheusMeterRegistry metrics) {
    return vertx
        .createHttpServer(PlainHttp.options())
        .requestHandler(router(vertx, readiness, liveness, metrics))
        .listen(port, host)
        .map(ManagementServer::new);
  }

  /** The routes alone, for a service that mounts them elsewhere. */
  public static Router router(
      Vertx vertx,
      Supplier<Readiness> readiness,
      BooleanSupplier liveness,
      PrometheusMeterRegistry metrics) {
    Router router = Router.router(vertx);
    router
        .get("/health/live")
        .handler(
            ctx -> {
              boolean live = liveness.getAsBoolean();
              ctx.response()
                  .setStatusCode(live ? 200 : 503)
                  .putHeader("Content-Type", "application/json")
                  .end(new JsonObject().put("status", live ? "UP" : "DOWN").encode());
            });
    router
        .get("/health/ready")
        .handler(
            ctx -> {
              Readiness now = readiness.get();
              JsonObject body = new JsonObject().put("status", now.up() ? "UP" : "DOWN");
              now.details().forEach(body::put);
              ctx.response()
                  .setStatusCode(now.up() ? 200 : 503)
                  .putHeader("Content-Type", "application/json")
                  .end(body.encode());
            });
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(metrics.scrape()));
    return router;
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }
}
