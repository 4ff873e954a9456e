package io.igpulse.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.api.Json;
import io.igpulse.simulator.control.ControlApi;
import io.igpulse.simulator.webhook.WebhookDelivery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Binds the {@link ControlApi} (and webhook subscription) to {@code /_sim/...} routes. */
final class ControlRoutes {

  private final Vertx vertx;
  private final ControlApi control;
  private final WebhookDelivery webhooks;

  ControlRoutes(Vertx vertx, ControlApi control, WebhookDelivery webhooks) {
    this.vertx = vertx;
    this.control = control;
    this.webhooks = webhooks;
  }

  void mount(Router router) {
    router.get("/_sim/world").handler(ctx -> answer(ctx, control::world));
    router.get("/_sim/clock").handler(ctx -> answer(ctx, control::clock));
    router.post("/_sim/clock").handler(ctx -> withBody(ctx, control::changeClock));
    router
        .get("/_sim/truth/media/:id")
        .handler(ctx -> answer(ctx, () -> control.mediaTruth(ctx.pathParam("id"))));
    router.get("/_sim/truth/trends").handler(this::trends);
    router
        .get("/_sim/truth/accounts/:account/engagement")
        .handler(
            ctx ->
                walk(
                    ctx,
                    () ->
                        control.accountEngagement(
                            ctx.pathParam("account"),
                            ctx.request().getParam("from"),
                            ctx.request().getParam("to"),
                            perMedia(ctx))));
    router
        .get("/_sim/truth/accounts/:account/earned")
        .handler(
            ctx ->
                walk(
                    ctx,
                    () ->
                        control.earned(
                            ctx.pathParam("account"),
                            ctx.request().getParam("from"),
                            ctx.request().getParam("to"))));
    router
        .get("/_sim/truth/hashtags/:name/public")
        .handler(
            ctx ->
                walk(
                    ctx,
                    () ->
                        control.hashtagPublic(
                            ctx.pathParam("name"),
                            ctx.request().getParam("from"),
                            ctx.request().getParam("to"),
                            perMedia(ctx))));
    router
        .get("/_sim/truth/media")
        .handler(
            ctx ->
                walk(
                    ctx,
                    () ->
                        control.mediaCreated(
                            ctx.request().getParam("account"),
                            ctx.request().getParam("from"),
                            ctx.request().getParam("to"))));
    router.get("/_sim/stats").handler(ctx -> answer(ctx, control::stats));
    router.get("/_sim/faults").handler(ctx -> answer(ctx, control::listFaults));
    router.post("/_sim/faults").handler(ctx -> withBody(ctx, control::addFault));
    router.delete("/_sim/faults").handler(ctx -> answer(ctx, control::clearFaults));
    router.post("/_sim/webhooks").handler(this::subscribe);
    router
        .get("/_sim/webhooks")
        .handler(
            ctx ->
                answer(
                    ctx,
                    () ->
                        Json.object()
                            .put("delivered", webhooks.delivered())
                            .put("failed", webhooks.failed())));
  }

  private void trends(RoutingContext ctx) {
    String window = ctx.request().getParam("window");
    int limit = Integer.parseInt(ctx.request().getParam("limit", "20"));
    // Walks the whole world: off the event loop.
    vertx
        .executeBlocking(() -> control.trends(window, limit))
        .onSuccess(node -> send(ctx, 200, node))
        .onFailure(error -> send(ctx, 400, problem(error)));
  }

  private static boolean perMedia(RoutingContext ctx) {
    return Boolean.parseBoolean(ctx.request().getParam("per_media", "false"));
  }

  /** Answers from a worker thread: window truths walk many media (a hashtag: the whole world). */
  private void walk(RoutingContext ctx, Supplier<ObjectNode> action) {
    vertx
        .executeBlocking(action::get)
        .onSuccess(node -> send(ctx, 200, node))
        .onFailure(
            error ->
                send(ctx, error instanceof IllegalArgumentException ? 400 : 500, problem(error)));
  }

  private void subscribe(RoutingContext ctx) {
    JsonNode body;
    try {
      body = Json.parse(ctx.body().asString());
    } catch (RuntimeException e) {
      send(ctx, 400, Json.object().put("error", "body must be JSON"));
      return;
    }
    Set<String> fields = new LinkedHashSet<>();
    body.path("fields").forEach(f -> fields.add(f.asText()));
    if (fields.isEmpty()) {
      fields.addAll(Set.of("comments", "mentions", "story_insights"));
    }
    WebhookDelivery.Subscription subscription =
        new WebhookDelivery.Subscription(
            body.path("callback_url").asText(),
            body.path("verify_token").asText(),
            fields,
            body.path("accounts").asInt(200));
    Future<Void> verified = webhooks.subscribe(subscription);
    verified
        .onSuccess(v -> send(ctx, 200, Json.object().put("subscribed", true)))
        .onFailure(
            e ->
                send(
                    ctx,
                    502,
                    Json.object()
                        .put("subscribed", false)
                        .put("error", String.valueOf(e.getMessage()))));
  }

  private void answer(RoutingContext ctx, Supplier<ObjectNode> action) {
    try {
      send(ctx, 200, action.get());
    } catch (IllegalArgumentException e) {
      send(ctx, 400, problem(e));
    }
  }

  private void withBody(RoutingContext ctx, Function<JsonNode, ObjectNode> action) {
    try {
      String text = ctx.body() == null ? "" : ctx.body().asString();
      JsonNode body = text == null || text.isBlank() ? Json.object() : Json.parse(text);
      send(ctx, 200, action.apply(body));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      send(ctx, 400, problem(e));
    }
  }

  private static ObjectNode problem(Throwable error) {
    return Json.object().put("error", String.valueOf(error.getMessage()));
  }

  private static void send(RoutingContext ctx, int status, ObjectNode body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(Json.bytes(body)));
  }
}
