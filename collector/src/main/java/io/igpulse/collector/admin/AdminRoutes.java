package io.igpulse.collector.admin;

import io.igpulse.collector.config.AdminAuth;
import io.igpulse.collector.discovery.AccountRegistry;
import io.igpulse.collector.http.BoundedWork;
import io.igpulse.events.AccountRegistration;
import io.igpulse.events.LoginFlavour;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts admin API: list what this instance polls, add or update an account, deactivate one,
 * import every account of a user token. Writes go to {@code instagram.accounts}; the instance
 * owning the account's partition picks them up. Every call needs {@code Authorization: Bearer
 * <IGPULSE_COLLECTOR_ADMIN_TOKEN>} (401 with a JSON message otherwise) unless checking was
 * explicitly disabled; see {@link AdminAuth}.
 */
public final class AdminRoutes {

  /** The {@code route} label of this route's work meters. */
  public static final String ROUTE = "admin";

  private final BoundedWork work;
  private final AccountWriter writer;
  private final AccountImport importer;
  private final AccountRegistry registry;
  private final AdminAuth auth;

  public AdminRoutes(
      BoundedWork work,
      AccountWriter writer,
      AccountImport importer,
      AccountRegistry registry,
      AdminAuth auth) {
    this.work = work;
    this.writer = writer;
    this.importer = importer;
    this.registry = registry;
    this.auth = auth;
  }

  public void mount(Router router) {
    router.route("/admin/*").handler(this::authorize);
    router.post("/admin/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router
        .get("/admin/accounts")
        .handler(ctx -> ctx.json(new JsonObject(castMap(registry.status()))));
    router.post("/admin/accounts/import").handler(this::importAll);
    router.post("/admin/accounts/:id/deactivate").handler(this::deactivate);
    router.post("/admin/accounts").handler(this::add);
  }

  private void authorize(RoutingContext ctx) {
    if (!auth.permits(ctx.request().getHeader("Authorization"))) {
      ctx.response()
          .setStatusCode(401)
          .putHeader("WWW-Authenticate", "Bearer realm=\"igpulse-admin\"")
          .putHeader("Content-Type", "application/json")
          .end(error("a valid Authorization: Bearer <admin token> header is required"));
      return;
    }
    ctx.next();
  }

  private void add(RoutingContext ctx) {
    AccountWriter.Request request;
    try {
      JsonObject body = ctx.body().asJsonObject();
      request =
          new AccountWriter.Request(
              body.getString("ig_user_id"),
              body.getString("label"),
              body.getString("token_ref"),
              strings(body.getJsonArray("hashtags")),
              flavour(body.getString("login_flavour")));
    } catch (RuntimeException e) {
      badRequest(ctx, e);
      return;
    }
    Optional<Future<AccountRegistration>> written = work.submit(() -> writer.register(request));
    if (written.isEmpty()) {
      BoundedWork.busy(ctx);
      return;
    }
    written
        .get()
        .onSuccess(
            r ->
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(json(r).encode()))
        .onFailure(e -> ctx.response().setStatusCode(503).end(error(e)));
  }

  private void deactivate(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Optional<Future<Optional<AccountRegistration>>> written =
        work.submit(() -> writer.deactivate(id));
    if (written.isEmpty()) {
      BoundedWork.busy(ctx);
      return;
    }
    written
        .get()
        .onSuccess(
            r -> {
              if (r.isEmpty()) {
                ctx.response()
                    .setStatusCode(404)
                    .end(error("account " + id + " was never registered"));
              } else {
                ctx.json(json(r.get()));
              }
            })
        .onFailure(e -> ctx.response().setStatusCode(503).end(error(e)));
  }

  private void importAll(RoutingContext ctx) {
    String tokenRef;
    List<String> hashtags;
    try {
      JsonObject body = ctx.body().asJsonObject();
      tokenRef = body.getString("token_ref");
      hashtags = HashtagRules.normalize(strings(body.getJsonArray("hashtags")));
      if (tokenRef == null) {
        throw new IllegalArgumentException("token_ref is required");
      }
    } catch (RuntimeException e) {
      badRequest(ctx, e);
      return;
    }
    Optional<Future<List<AccountRegistration>>> imported =
        work.admit(() -> importer.importAll(tokenRef, hashtags));
    if (imported.isEmpty()) {
      BoundedWork.busy(ctx);
      return;
    }
    imported
        .get()
        .onSuccess(
            list -> {
              JsonArray out = new JsonArray();
              list.forEach(r -> out.add(json(r)));
              ctx.json(new JsonObject().put("imported", out));
            })
        .onFailure(e -> ctx.response().setStatusCode(422).end(error(e)));
  }

  static JsonObject json(AccountRegistration r) {
    return new JsonObject()
        .put("ig_user_id", r.getIgUserId())
        .put("label", r.getLabel())
        .put("token_ref", r.getTokenRef())
        .put("login_flavour", r.getLoginFlavour().name())
        .put("hashtags", new JsonArray(r.getHashtags().stream().map(Object::toString).toList()))
        .put("active", r.getActive())
        .put("registered_at", r.getRegisteredAt().toString())
        .put("updated_at", r.getUpdatedAt().toString());
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }

  private static LoginFlavour flavour(String value) {
    if (value == null) {
      return null;
    }
    try {
      return LoginFlavour.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("login_flavour must be FACEBOOK_LOGIN or INSTAGRAM_LOGIN");
    }
  }

  private static void badRequest(RoutingContext ctx, RuntimeException e) {
    ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json").end(error(e));
  }

  private static String error(Throwable e) {
    return error(e.getMessage());
  }

  private static String error(String message) {
    return new JsonObject().put("error", String.valueOf(message)).encode();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<String, ?> map) {
    return (Map<String, Object>) map;
  }
}
