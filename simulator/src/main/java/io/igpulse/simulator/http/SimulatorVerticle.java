package io.igpulse.simulator.http;

import io.igpulse.simulator.api.CallStats;
import io.igpulse.simulator.api.GraphApi;
import io.igpulse.simulator.api.TokenRegistry;
import io.igpulse.simulator.control.ControlApi;
import io.igpulse.simulator.control.Faults;
import io.igpulse.simulator.webhook.WebhookDelivery;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Function;

/**
 * The one HTTP server: the control API under {@code /_sim/} and the Graph API everywhere else. One
 * instance, so all state is touched from one event loop.
 */
public final class SimulatorVerticle extends VerticleBase {

  /** What the verticle serves; built by the caller so tests can reach every part. */
  public record Parts(
      GraphApi api, ControlApi control, Faults faults, TokenRegistry tokens, CallStats stats) {}

  private static final String CONTROL_PREFIX = "/_sim/";

  private final String host;
  private final int port;
  private final Parts parts;
  private HttpServer server;
  private WebhookDelivery webhooks;
  private final Function<Vertx, WebhookDelivery> webhookFactory;

  public SimulatorVerticle(
      String host, int port, Parts parts, Function<Vertx, WebhookDelivery> webhookFactory) {
    this.host = host;
    this.port = port;
    this.parts = parts;
    this.webhookFactory = webhookFactory;
  }

  @Override
  public Future<?> start() {
    webhooks = webhookFactory.apply(vertx);
    Router control = Router.router(vertx);
    control.route().method(HttpMethod.POST).handler(BodyHandler.create().setBodyLimit(1_000_000));
    new ControlRoutes(vertx, parts.control(), webhooks).mount(control);
    GraphHttpHandler graph =
        new GraphHttpHandler(vertx, parts.api(), parts.faults(), parts.tokens(), parts.stats());
    // The Graph API bypasses the router: it is the hot path and does its own routing.
    return vertx
        .createHttpServer(
            // HTTP/1.1 only: the real API speaks HTTP/2 over TLS, never the cleartext h2c upgrade.
            new HttpServerOptions().setHost(host).setPort(port).setHttp2ClearTextEnabled(false))
        .requestHandler(
            request -> {
              if (request.path().startsWith(CONTROL_PREFIX)) {
                control.handle(request);
              } else {
                graph.handle(request);
              }
            })
        .listen()
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    if (webhooks != null) {
      webhooks.stop();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }

  public int actualPort() {
    return server.actualPort();
  }
}
