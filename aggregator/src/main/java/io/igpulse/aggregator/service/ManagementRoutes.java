package io.igpulse.aggregator.service;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /health/live}, {@code /health/ready} (Streams RUNNING) and {@code /metrics} (Prometheus
 * text).
 */
final class ManagementRoutes {

  private ManagementRoutes() {}

  static Router router(
      Vertx vertx, BooleanSupplier ready, Supplier<String> state, PrometheusMeterRegistry metrics) {
    Router router = Router.router(vertx);
    router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router
        .get("/health/ready")
        .handler(
            ctx -> {
              boolean up = ready.getAsBoolean();
              ctx.response()
                  .setStatusCode(up ? 200 : 503)
                  .putHeader("Content-Type", "application/json")
                  .end(
                      new JsonObject()
                          .put("status", up ? "UP" : "DOWN")
                          .put("streams", state.get())
                          .encode());
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
}
