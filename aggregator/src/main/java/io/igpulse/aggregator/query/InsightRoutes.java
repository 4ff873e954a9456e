package io.igpulse.aggregator.query;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.StoreNames;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The routes behind the dashboard's account and hashtag views: the account list, an account's
 * audience, a hashtag window's top media. Keyed routes go through {@link QueryRouter#answer}; the
 * account list has no key, so every instance is asked for its own accounts and the parts merged.
 */
final class InsightRoutes {

  private final QueryRouter keyed;
  private final Vertx vertx;
  private final AggregatorConfig config;
  private final Supplier<KafkaStreams> streams;
  private final HostInfo self;
  private final ForwardingClient client;
  private final Clock clock;

  InsightRoutes(
      QueryRouter keyed,
      Vertx vertx,
      AggregatorConfig config,
      Supplier<KafkaStreams> streams,
      HostInfo self,
      ForwardingClient client,
      Clock clock) {
    this.keyed = keyed;
    this.vertx = vertx;
    this.config = config;
    this.streams = streams;
    this.self = self;
    this.client = client;
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/api/accounts").handler(QueryRouter.bounded(this::accounts));
    router.get("/api/accounts/:account/audience").handler(QueryRouter.bounded(this::audience));
    router.get("/api/hashtags/:hashtag/media").handler(QueryRouter.bounded(this::hashtagMedia));
  }

  private void audience(RoutingContext ctx) {
    String account = ctx.pathParam("account");
    keyed.answer(ctx, StoreNames.ACCOUNT_AUDIENCE, account, q -> q.audience(account));
  }

  private void hashtagMedia(RoutingContext ctx) {
    WindowSpec spec = keyed.window(ctx);
    Instant at = QueryRouter.instant(ctx, "at", clock.instant());
    String hashtag = ctx.pathParam("hashtag").toLowerCase(Locale.ROOT);
    long start = spec.startOfWindowEndingBy(at.toEpochMilli());
    keyed.answer(
        ctx, StoreNames.hashtagMedia(spec), hashtag, q -> q.hashtagMedia(spec, hashtag, start));
  }

  private void accounts(RoutingContext ctx) {
    WindowSpec spec = keyed.window(ctx);
    Instant at = QueryRouter.instant(ctx, "at", clock.instant());
    KafkaStreams kafkaStreams = streams.get();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      QueryRouter.error(
          ctx,
          503,
          "not ready: streams are "
              + (kafkaStreams == null ? "not started" : kafkaStreams.state()));
      return;
    }
    long start = spec.startOfWindowEndingBy(at.toEpochMilli());
    List<Future<JsonArray>> parts = new ArrayList<>();
    parts.add(
        vertx.executeBlocking(
            () -> new TrendQueries(kafkaStreams, config).accounts(spec, start), false));
    if (ctx.request().getHeader(QueryRouter.FORWARDED) == null) {
      for (StreamsMetadata instance : kafkaStreams.metadataForAllStreamsClients()) {
        if (!instance.hostInfo().equals(self)) {
          parts.add(ofInstance(ctx, instance.hostInfo()));
        }
      }
    }
    Future.all(parts)
        .onSuccess(
            all -> {
              JsonArray merged = new JsonArray();
              parts.forEach(part -> merged.addAll(part.result()));
              ctx.response()
                  .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                  .end(
                      new JsonObject()
                          .put("window", spec.name())
                          .put("windowStart", Instant.ofEpochMilli(start).toString())
                          .put(
                              "windowEnd",
                              Instant.ofEpochMilli(start + spec.size().toMillis()).toString())
                          .put("accounts", AccountRanking.sort(merged))
                          .encode());
            })
        .onFailure(
            e -> QueryRouter.error(ctx, 502, "an instance did not answer: " + e.getMessage()));
  }

  /** Another instance's own accounts (it is told not to ask the others in turn). */
  private Future<JsonArray> ofInstance(RoutingContext ctx, HostInfo instance) {
    return client
        .get(instance, ctx.request().uri(), QueryRouter.FORWARDED, self.toString())
        .map(
            response -> {
              if (response.statusCode() != 200) {
                throw new IllegalStateException(
                    instance
                        + " answered "
                        + response.statusCode()
                        + ": "
                        + response.bodyAsString());
              }
              return response.bodyAsJsonObject().getJsonArray("accounts");
            });
  }
}
