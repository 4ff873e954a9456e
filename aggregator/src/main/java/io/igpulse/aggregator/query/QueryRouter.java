package io.igpulse.aggregator.query;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.StoreNames;
import io.igpulse.aggregator.topology.trend.TrendKeys;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API. Every query is about one key (a hashtag, an account, or a window for rankings);
 * the instance that owns the key's partition answers from its stores, any other instance forwards
 * the request there once. Store reads run off the event loop.
 */
public final class QueryRouter {

  static final String FORWARDED = "X-Igpulse-Forwarded";
  private static final Logger LOG = LoggerFactory.getLogger(QueryRouter.class);

  private final Vertx vertx;
  private final AggregatorConfig config;
  private final Supplier<KafkaStreams> streams;
  private final HostInfo self;
  private final ForwardingClient client;
  private final Clock clock;

  /**
   * @param clock "now" of queries that name no time (the newest windows, the last days); the
   *     service's clock, so a simulated clock moves the defaults with it
   */
  public QueryRouter(
      Vertx vertx,
      AggregatorConfig config,
      Supplier<KafkaStreams> streams,
      HostInfo self,
      Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.streams = streams;
    this.self = self;
    this.clock = clock;
    this.client = new ForwardingClient(vertx);
  }

  public Router router() {
    Router router = Router.router(vertx);
    ApiContract.served().guard(router);
    router.get("/api/windows").handler(this::windows);
    router.get("/api/hashtags/top").handler(bounded(this::topHashtags));
    router.get("/api/hashtags/:hashtag/trend").handler(bounded(this::hashtagTrend));
    router.get("/api/accounts/:account/trend").handler(bounded(this::accountTrend));
    router.get("/api/accounts/:account/earned").handler(bounded(this::earnedTrend));
    router.get("/api/accounts/:account/posting-hours").handler(bounded(this::postingHours));
    router.get("/api/accounts/:account/followers").handler(bounded(this::followers));
    router.get("/api/accounts/:account/media-follows").handler(bounded(this::mediaFollows));
    new InsightRoutes(this, vertx, config, streams, self, client, clock).mount(router);
    ApiDocs.mount(router);
    // The live dashboard: one static page reading the API above.
    router.get("/*").handler(StaticHandler.create("webroot"));
    return router;
  }

  /**
   * Answers a parameter out of {@link QueryBounds} with 400 and its message, before any work: the
   * handlers parse and check all their parameters first.
   */
  static Handler<RoutingContext> bounded(Handler<RoutingContext> handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (QueryBounds.BadQueryException e) {
        error(ctx, 400, e.getMessage());
      }
    };
  }

  private void windows(RoutingContext ctx) {
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(TrendJson.windows(config.windows()).encode());
  }

  private void topHashtags(RoutingContext ctx) {
    WindowSpec spec = window(ctx);
    Instant at = instant(ctx, "at", clock.instant());
    long start = spec.startOfWindowEndingBy(at.toEpochMilli());
    answer(
        ctx,
        StoreNames.hashtagRanking(spec),
        TrendKeys.window(spec, start),
        q -> q.topHashtags(spec, start));
  }

  private void hashtagTrend(RoutingContext ctx) {
    String hashtag = QueryBounds.key("hashtag", ctx.pathParam("hashtag")).toLowerCase(Locale.ROOT);
    SeriesRange range = range(ctx);
    answer(
        ctx,
        StoreNames.hashtagBuckets(range.spec()),
        hashtag,
        q -> q.hashtagSeries(range.spec(), hashtag, range.from(), range.to()));
  }

  private void accountTrend(RoutingContext ctx) {
    String account = QueryBounds.key("account", ctx.pathParam("account"));
    SeriesRange range = range(ctx);
    answer(
        ctx,
        StoreNames.accountBuckets(range.spec()),
        account,
        q -> q.accountSeries(range.spec(), account, range.from(), range.to()));
  }

  private void earnedTrend(RoutingContext ctx) {
    String account = QueryBounds.key("account", ctx.pathParam("account"));
    SeriesRange range = range(ctx);
    answer(
        ctx,
        StoreNames.earnedBuckets(range.spec()),
        account,
        q -> q.earnedSeries(range.spec(), account, range.from(), range.to()));
  }

  /**
   * Which windows a series query asks for: a family, and window starts from..to (default the last
   * 24 sizes).
   */
  private record SeriesRange(WindowSpec spec, Instant from, Instant to) {}

  /** The range of a series query, checked against {@link QueryBounds}. */
  private SeriesRange range(RoutingContext ctx) {
    WindowSpec spec = window(ctx);
    Instant to = instant(ctx, "to", clock.instant());
    // The default span stays within the bound whatever the family's size/advance ratio.
    Duration span = spec.size().multipliedBy(24);
    Duration most = spec.advance().multipliedBy(QueryBounds.MAX_WINDOWS - 1);
    Instant from = instant(ctx, "from", to.minus(span.compareTo(most) > 0 ? most : span));
    QueryBounds.series(spec, from, to);
    return new SeriesRange(spec, from, to);
  }

  private void postingHours(RoutingContext ctx) {
    String account = QueryBounds.key("account", ctx.pathParam("account"));
    answer(ctx, StoreNames.POSTING_HOURS, account, q -> q.postingHours(account));
  }

  private void followers(RoutingContext ctx) {
    String account = QueryBounds.key("account", ctx.pathParam("account"));
    LocalDate to = day(ctx, "to", LocalDate.now(clock));
    LocalDate from = day(ctx, "from", to.minusDays(30));
    QueryBounds.days(from, to);
    answer(ctx, StoreNames.FOLLOWER_HISTORY, account, q -> q.followerGrowth(account, from, to));
  }

  private void mediaFollows(RoutingContext ctx) {
    String account = QueryBounds.key("account", ctx.pathParam("account"));
    LocalDate day = day(ctx, "day", LocalDate.now(clock));
    answer(ctx, StoreNames.MEDIA_FOLLOWS, account, q -> q.mediaFollows(account, day));
  }

  /**
   * Answers locally when this instance owns {@code key} in {@code store}, else forwards once to the
   * owner.
   */
  void answer(RoutingContext ctx, String store, String key, Function<TrendQueries, Object> query) {
    KafkaStreams kafkaStreams = streams.get();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      error(
          ctx,
          503,
          "not ready: streams are "
              + (kafkaStreams == null ? "not started" : kafkaStreams.state()));
      return;
    }
    KeyQueryMetadata owner =
        kafkaStreams.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (owner == null || owner == KeyQueryMetadata.NOT_AVAILABLE) {
      error(ctx, 503, "no owner for this key right now (rebalancing); retry shortly");
      return;
    }
    if (owner.activeHost().equals(self)) {
      Callable<Object> read = () -> query.apply(new TrendQueries(kafkaStreams, config));
      vertx
          .executeBlocking(read, false)
          .onSuccess(body -> respond(ctx, body))
          .onFailure(e -> error(ctx, 503, "store not queryable right now: " + e.getMessage()));
    } else if (ctx.request().getHeader(FORWARDED) != null) {
      error(ctx, 503, "ownership moved while forwarding; retry shortly");
    } else {
      forward(ctx, owner.activeHost());
    }
  }

  private void forward(RoutingContext ctx, HostInfo owner) {
    LOG.debug("Forwarding {} to {}", ctx.request().uri(), owner);
    client
        .get(owner, ctx.request().uri(), FORWARDED, self.toString())
        .onSuccess(
            response ->
                ctx.response()
                    .setStatusCode(response.statusCode())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(
                        response.bodyAsBuffer() == null
                            ? Buffer.buffer()
                            : response.bodyAsBuffer()))
        .onFailure(e -> error(ctx, 502, "owner " + owner + " did not answer: " + e.getMessage()));
  }

  private static void respond(RoutingContext ctx, Object body) {
    if (body == null) {
      error(ctx, 404, "nothing known for this key");
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.toString());
  }

  WindowSpec window(RoutingContext ctx) {
    String name =
        ctx.queryParam("window").isEmpty()
            ? config.windows().get(0).name()
            : ctx.queryParam("window").get(0);
    for (WindowSpec spec : config.windows()) {
      if (spec.name().equals(name)) {
        return spec;
      }
    }
    throw new QueryBounds.BadQueryException(
        "unknown window "
            + (name.length() > 20 ? name.substring(0, 20) + "…" : name)
            + "; configured: "
            + config.windows().stream().map(WindowSpec::name).toList());
  }

  static LocalDate day(RoutingContext ctx, String param, LocalDate fallback) {
    return ctx.queryParam(param).isEmpty()
        ? fallback
        : QueryBounds.day(param, ctx.queryParam(param).get(0));
  }

  static Instant instant(RoutingContext ctx, String param, Instant fallback) {
    return ctx.queryParam(param).isEmpty()
        ? fallback
        : QueryBounds.instant(param, ctx.queryParam(param).get(0));
  }

  static void error(RoutingContext ctx, int status, String message) {
    if (!ctx.response().ended()) {
      ctx.response()
          .setStatusCode(status)
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(new JsonObject().put("error", message).encode());
    }
  }
}
