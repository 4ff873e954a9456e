package io.igpulse.graphapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.graphapi.metrics.AccountInsightsRules;
import io.igpulse.graphapi.metrics.MetricCatalog;
import io.igpulse.graphapi.metrics.RetiredMetrics;
import io.igpulse.graphapi.model.AccountInsight;
import io.igpulse.graphapi.model.AccountInsightsQuery;
import io.igpulse.graphapi.model.IgAccount;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.model.MediaKind;
import io.igpulse.graphapi.model.PageAccount;
import io.igpulse.graphapi.outcome.Backoff;
import io.igpulse.graphapi.outcome.ErrorClassifier;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.pacing.HashtagBudget;
import io.igpulse.graphapi.pacing.Pacer;
import io.igpulse.graphapi.pacing.PacingClock;
import io.igpulse.graphapi.paging.Pager;
import io.igpulse.graphapi.request.Fields;
import io.igpulse.graphapi.request.GraphCall;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.TokenRedactor;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The typed Instagram Graph API: one method per question igpulse asks, each answering a {@link
 * GraphResult} in a {@link Future}. Decisions (metrics, errors, pacing, paging, budgets) live in
 * plain classes; this class only composes them with the {@link GraphTransport}. Build one per
 * process and share it: it holds the pooled HTTP client, the pacing state and what the API taught
 * it about retired metrics.
 */
public final class GraphClient implements AutoCloseable {

  /** Upper bound of pages read by any list call, against a cursor that never ends. */
  public static final int MAX_PAGES = 500;

  private final GraphApiConfig config;
  private final GraphTransport transport;
  private final MetricCatalog catalog = new MetricCatalog();
  private final RetiredMetrics retired = new RetiredMetrics();
  private final HashtagBudget hashtagBudget = new HashtagBudget();
  private final MediaInsightsReader insights;
  private final BatchReader batches;
  private final TokenRedactor redactor;
  private final GraphMetrics metrics;

  private GraphClient(
      GraphApiConfig config,
      GraphTransport transport,
      ErrorClassifier classifier,
      TokenRedactor redactor,
      GraphMetrics metrics) {
    this.config = config;
    this.transport = transport;
    this.redactor = redactor;
    this.metrics = metrics;
    this.insights =
        new MediaInsightsReader(transport, catalog, retired, metrics, this::batchReader);
    this.batches = new BatchReader(transport, classifier, insights);
  }

  /** A client on the wall clock. */
  public static GraphClient create(Vertx vertx, GraphApiConfig config, MeterRegistry registry) {
    return create(vertx, config, registry, PacingClock.system(vertx), new TokenRedactor());
  }

  /** A client with its own notion of time (simulations) and a shared redactor. */
  public static GraphClient create(
      Vertx vertx,
      GraphApiConfig config,
      MeterRegistry registry,
      PacingClock clock,
      TokenRedactor redactor) {
    GraphMetrics metrics = new GraphMetrics(registry);
    ErrorClassifier classifier = new ErrorClassifier(redactor, Duration.ofMinutes(5));
    Backoff backoff =
        new Backoff(
            config.backoffBase(),
            config.backoffMax(),
            () -> ThreadLocalRandom.current().nextDouble());
    Pacer pacer = new Pacer(config.pacingTarget(), 0.8);
    GraphTransport transport =
        new GraphTransport(vertx, config, clock, pacer, classifier, backoff, redactor, metrics);
    return new GraphClient(config, transport, classifier, redactor, metrics);
  }

  // ---- discovery -------------------------------------------------------------------------

  /** {@code /me/accounts}: the Pages of a user token and their linked IG accounts. */
  public Future<GraphResult<List<PageAccount>>> pages(AccessToken token) {
    GraphCall call =
        GraphCall.get("/me/accounts", "me_accounts")
            .param("fields", "id,name,instagram_business_account")
            .param("limit", config.pageSize())
            .build();
    return pager(token)
        .collect(call, Integer.MAX_VALUE, MAX_PAGES)
        .map(r -> r.map(l -> l.stream().map(PageAccount::from).toList()));
  }

  /** The account's own fields (followers, media count, ...). */
  public Future<GraphResult<IgAccount>> account(AccessToken token, String igUserId) {
    GraphCall call =
        GraphCall.get("/" + igUserId, "user")
            .param("fields", IgAccount.FIELDS)
            .account(igUserId)
            .build();
    return transport.get(token, call).map(r -> r.map(IgAccount::from));
  }

  /** Newest media first, up to {@code max}, following the cursor pages. */
  public Future<GraphResult<List<Media>>> media(AccessToken token, String igUserId, int max) {
    return list(token, igUserId, "/media", "user_media", max);
  }

  /** Stories of the last 24 h (the API forgets them after that: call often). */
  public Future<GraphResult<List<Media>>> stories(AccessToken token, String igUserId) {
    return list(token, igUserId, "/stories", "user_stories", Integer.MAX_VALUE);
  }

  /** Media the account is tagged in. */
  public Future<GraphResult<List<Media>>> tags(AccessToken token, String igUserId, int max) {
    return list(token, igUserId, "/tags", "user_tags", max);
  }

  /**
   * The public counters ({@link Fields#PUBLIC_COUNTERS}) of the media the account is tagged in,
   * newest first: one paged listing re-reads the counters of many tagged media at once.
   */
  public Future<GraphResult<List<Media>>> tagCounters(AccessToken token, String igUserId, int max) {
    return list(token, igUserId, "/tags", "user_tags", max, Fields.PUBLIC_COUNTERS);
  }

  /** A media the account was mentioned in, read again through the account (batch item). */
  public record MentionRead(AccessToken token, String igUserId, String mediaId) {}

  /**
   * Public counters of media the accounts were mentioned in, through {@code
   * mentioned_media.media_id(id){like_count,comments_count,timestamp}}: each read is a batch item
   * with its own account's token, one batch request per 50 reads whatever the accounts. Aligned
   * with {@code reads}.
   */
  public Future<List<GraphResult<Media>>> mentionedMediaCounters(List<MentionRead> reads) {
    List<BatchReader.Item> items = new ArrayList<>(reads.size());
    for (MentionRead r : reads) {
      String fields =
          "mentioned_media.media_id("
              + r.mediaId()
              + "){"
              + String.join(",", Fields.PUBLIC_COUNTERS)
              + "}";
      items.add(
          new BatchReader.Item(
              r.token(),
              r.igUserId(),
              GraphCall.get("/" + r.igUserId(), "user")
                  .param("fields", fields)
                  .account(r.igUserId())
                  .build()));
    }
    return batches
        .getAll(items)
        .map(
            results ->
                results.stream()
                    .map(r -> r.map(body -> Media.from(body.path("mentioned_media"))))
                    .toList());
  }

  /** One media's fields. */
  public Future<GraphResult<Media>> mediaFields(AccessToken token, String account, String mediaId) {
    GraphCall call =
        GraphCall.get("/" + mediaId, "media")
            .param("fields", Fields.of(Fields.MEDIA).value())
            .account(account)
            .build();
    return transport.get(token, call).map(r -> r.map(Media::from));
  }

  /** A media the account was mentioned in (id from the {@code mentions} webhook). */
  public Future<GraphResult<Media>> mentionedMedia(
      AccessToken token, String igUserId, String mediaId) {
    String fields =
        "mentioned_media.media_id(" + mediaId + "){" + String.join(",", Fields.MEDIA) + "}";
    GraphCall call =
        GraphCall.get("/" + igUserId, "user").param("fields", fields).account(igUserId).build();
    return transport
        .get(token, call)
        .map(r -> r.map(body -> Media.from(body.path("mentioned_media"))));
  }

  private Future<GraphResult<List<Media>>> list(
      AccessToken token, String igUserId, String edge, String endpoint, int max) {
    return list(token, igUserId, edge, endpoint, max, Fields.MEDIA);
  }

  private Future<GraphResult<List<Media>>> list(
      AccessToken token,
      String igUserId,
      String edge,
      String endpoint,
      int max,
      List<String> fields) {
    GraphCall call =
        GraphCall.get("/" + igUserId + edge, endpoint)
            .param("fields", Fields.of(fields).value())
            .param("limit", config.pageSize())
            .account(igUserId)
            .build();
    return pager(token)
        .collect(call, max, MAX_PAGES)
        .map(r -> r.map(l -> l.stream().map(Media::from).toList()));
  }

  // ---- insights --------------------------------------------------------------------------

  /** One media's insights with the metric set of its kind; heals on refused metrics. */
  public Future<GraphResult<MediaInsights>> mediaInsights(
      AccessToken token, String account, String mediaId, MediaKind kind) {
    return insights.read(token, account, mediaId, kind);
  }

  /**
   * As {@link #mediaInsights(AccessToken, String, String, MediaKind)} for a media created at {@code
   * createdAt}: on v21, media created before 2024-07-01 are also asked for {@code impressions}.
   */
  public Future<GraphResult<MediaInsights>> mediaInsights(
      AccessToken token, String account, String mediaId, MediaKind kind, Instant createdAt) {
    return insights.read(token, account, mediaId, kind, createdAt);
  }

  /**
   * A live story's navigation counts by action ({@code tap_forward}, {@code tap_back}, {@code
   * tap_exit}, {@code swipe_forward}): the successor of the retired {@code taps_*} and {@code
   * exits} metrics. Action names are lowercase, as in Meta's samples, whatever case the API sends.
   */
  public Future<GraphResult<Map<String, Long>>> storyNavigation(
      AccessToken token, String account, String storyId) {
    return storyBreakdown(token, account, storyId, "navigation", "story_navigation_action_type");
  }

  /**
   * A live story's profile activity by action ({@code bio_link_clicked}, {@code call}, {@code
   * direction}, {@code email}, {@code other}, {@code text}), lowercase.
   */
  public Future<GraphResult<Map<String, Long>>> storyProfileActivity(
      AccessToken token, String account, String storyId) {
    return storyBreakdown(token, account, storyId, "profile_activity", "action_type");
  }

  private Future<GraphResult<Map<String, Long>>> storyBreakdown(
      AccessToken token, String account, String storyId, String metric, String breakdown) {
    GraphCall call =
        GraphCall.get("/" + storyId + "/insights", "media_insights")
            .param("metric", metric)
            .param("breakdown", breakdown)
            .account(account)
            .build();
    return transport
        .get(token, call)
        .map(
            r ->
                r.map(
                    body -> {
                      Map<String, Long> counts = new LinkedHashMap<>();
                      for (AccountInsight insight : AccountInsight.listFrom(body)) {
                        insight
                            .breakdowns()
                            .forEach(
                                b ->
                                    counts.merge(
                                        String.join("/", b.values()).toLowerCase(Locale.ROOT),
                                        b.value(),
                                        Long::sum));
                      }
                      return Map.copyOf(counts);
                    }));
  }

  /**
   * {@code crossposted_views} and {@code facebook_views} of a reel, which only reels cross-posted
   * to Facebook answer (any other reel refuses them): asked apart from the reel's own set, so a
   * refusal here means "not cross-posted" ({@code Optional.empty()}) and teaches the catalog
   * nothing.
   */
  public Future<GraphResult<Optional<MediaInsights>>> crosspostedViews(
      AccessToken token, String account, String reelId) {
    GraphCall call =
        GraphCall.get("/" + reelId + "/insights", "media_insights")
            .param("metric", String.join(",", MetricCatalog.CROSSPOSTED))
            .account(account)
            .build();
    return transport
        .get(token, call)
        .map(
            r -> {
              if (r.error() instanceof GraphError.UnsupportedMetric) {
                return GraphResult.ok(Optional.<MediaInsights>empty());
              }
              return r.map(body -> Optional.of(MediaInsights.from(reelId, body)));
            });
  }

  /**
   * Media of an account with their insights nested (field expansion): one request per page of up to
   * {@code pageSize} media. The nested set is what every listed kind accepts.
   */
  public Future<GraphResult<List<Media>>> mediaWithInsights(
      AccessToken token, String igUserId, int max) {
    return insights.listWithInsights(token, igUserId, max, config.pageSize());
  }

  /** Kind-specific insight sets of many media in batches of 50. */
  public Future<Map<String, GraphResult<MediaInsights>>> mediaInsightsBatch(
      AccessToken token, String account, List<Media> media) {
    return batches.mediaInsights(token, account, media);
  }

  /**
   * Kind-specific insight sets of media of many accounts, each read with its own account's token,
   * in batches of 50 whatever the accounts: the answer is aligned with {@code targets}.
   */
  public Future<List<GraphResult<MediaInsights>>> mediaInsightsBatch(
      List<BatchReader.Target> targets) {
    return batches.mediaInsights(targets);
  }

  /**
   * Account insights over any range: cut into 30-day windows, read newest first, concatenated per
   * metric in the order read.
   */
  public Future<GraphResult<List<AccountInsight>>> accountInsights(
      AccessToken token, String igUserId, AccountInsightsQuery asked) {
    AccountInsightsQuery query = AccountInsightsRules.complete(asked);
    Optional<String> refusal = AccountInsightsRules.refusal(query);
    if (refusal.isPresent()) {
      // Asking would cost a call and a code-100 answer: refuse it here, with the reason.
      return Future.succeededFuture(
          GraphResult.failed(new GraphError.Rejected(100, null, refusal.get())));
    }
    List<AccountInsight> all = new ArrayList<>();
    Future<GraphResult<List<AccountInsight>>> chain = Future.succeededFuture(GraphResult.ok(all));
    for (AccountInsightsQuery window : query.windowsBackwards()) {
      chain =
          chain.compose(
              previous -> {
                if (!previous.isSuccess()) {
                  return Future.succeededFuture(previous);
                }
                return transport
                    .get(token, insightsCall(igUserId, window))
                    .map(
                        r -> {
                          if (!r.isSuccess()) {
                            return GraphResult.<List<AccountInsight>>failed(r.error());
                          }
                          all.addAll(AccountInsight.listFrom(r.value()));
                          return GraphResult.ok(all);
                        });
              });
    }
    return chain.map(r -> r.map(List::copyOf));
  }

  private GraphCall insightsCall(String igUserId, AccountInsightsQuery q) {
    return GraphCall.get("/" + igUserId + "/insights", "user_insights")
        .param("metric", String.join(",", q.metrics()))
        .param("period", q.period())
        .param("metric_type", q.metricType())
        .param("breakdown", q.breakdown())
        .param("timeframe", q.timeframe())
        .param("since", q.since() == null ? null : Long.toString(q.since().getEpochSecond()))
        .param("until", q.until() == null ? null : Long.toString(q.until().getEpochSecond()))
        .account(igUserId)
        .build();
  }

  // ---- hashtags --------------------------------------------------------------------------

  /**
   * The id of a hashtag, spending one of the account's 30 unique searches per 7 days unless the tag
   * is already in its window. A spent budget answers {@code Throttled(0, wait)} without a call.
   */
  public Future<GraphResult<String>> hashtagId(AccessToken token, String igUserId, String name) {
    if (!config.flavour().hasHashtagSearch()) {
      return Future.succeededFuture(
          GraphResult.failed(
              new GraphError.Rejected(0, null, "hashtag search needs the Facebook-Login flavour")));
    }
    Instant now = transport.clock().now();
    if (!hashtagBudget.tryAcquire(igUserId, name, now)) {
      Duration wait = Duration.between(now, hashtagBudget.nextFreeSlot(igUserId, now));
      return Future.succeededFuture(GraphResult.failed(new GraphError.Throttled(0, wait)));
    }
    GraphCall call =
        GraphCall.get("/ig_hashtag_search", "hashtag_search")
            .param("user_id", igUserId)
            .param("q", name)
            .build();
    return transport
        .get(token, call)
        .map(r -> r.map(body -> body.path("data").path(0).path("id").asText(null)));
  }

  /** Syncs and returns the account's hashtag window from {@code recently_searched_hashtags}. */
  public Future<GraphResult<List<String>>> recentlySearchedHashtags(
      AccessToken token, String igUserId) {
    GraphCall call =
        GraphCall.get("/" + igUserId + "/recently_searched_hashtags", "recently_searched_hashtags")
            .param("fields", "id,name")
            .param("limit", 30)
            .account(igUserId)
            .build();
    return transport
        .get(token, call)
        .map(
            r ->
                r.map(
                    body -> {
                      List<String> names = new ArrayList<>();
                      for (JsonNode n : body.path("data")) {
                        names.add(n.has("name") ? n.get("name").asText() : n.path("id").asText());
                      }
                      hashtagBudget.sync(igUserId, names, transport.clock().now());
                      return List.copyOf(names);
                    }));
  }

  /** {@code recent_media} (last 24 h, repeating cursor) or {@code top_media} of a hashtag. */
  public Future<GraphResult<List<Media>>> hashtagMedia(
      AccessToken token, String igUserId, String hashtagId, boolean recent, int max) {
    String edge = recent ? "recent_media" : "top_media";
    GraphCall call =
        GraphCall.get(
                "/" + hashtagId + "/" + edge, recent ? "hashtag_recent_media" : "hashtag_top_media")
            .param("user_id", igUserId)
            .param("fields", "id,timestamp,media_type,caption,permalink,like_count,comments_count")
            .param("limit", Math.min(50, config.pageSize()))
            .build();
    return pager(token)
        .collect(call, max, MAX_PAGES)
        .map(r -> r.map(l -> l.stream().map(Media::from).toList()));
  }

  public int hashtagSearchesLeft(String igUserId) {
    return hashtagBudget.remaining(igUserId, transport.clock().now());
  }

  // ---- tokens ----------------------------------------------------------------------------

  /**
   * Refreshes an Instagram-Login long-lived token ({@code GET /refresh_access_token}); the answer
   * is a new token with its expiry. Only tokens at least 24 h old can be refreshed.
   */
  public Future<GraphResult<AccessToken>> refreshToken(AccessToken token) {
    GraphCall call =
        new GraphCall(
            config.baseUrl() + "/refresh_access_token?grant_type=ig_refresh_token",
            Map.of(),
            null,
            "refresh_access_token");
    return transport
        .get(token, call)
        .map(
            r ->
                r.map(
                    body -> {
                      Instant now = transport.clock().now();
                      String value = body.path("access_token").asText();
                      redactor.register(value);
                      long expiresIn = body.path("expires_in").asLong(0);
                      return new AccessToken(
                          value,
                          Optional.of(now),
                          expiresIn > 0
                              ? Optional.of(now.plusSeconds(expiresIn))
                              : Optional.empty());
                    }));
  }

  // ---- plumbing --------------------------------------------------------------------------

  private Pager pager(AccessToken token) {
    return new Pager(call -> transport.get(token, call));
  }

  /** Raw access for calls without a typed method yet (still paced, classified and redacted). */
  public Future<GraphResult<JsonNode>> get(AccessToken token, GraphCall call) {
    return transport.get(token, call);
  }

  private BatchReader batchReader() {
    return batches;
  }

  public BatchReader batches() {
    return batches;
  }

  public MetricCatalog catalog() {
    return catalog;
  }

  public RetiredMetrics retiredMetrics() {
    return retired;
  }

  public MediaInsightsReader insights() {
    return insights;
  }

  public Pacer pacer() {
    return transport.pacer();
  }

  public GraphMetrics metrics() {
    return metrics;
  }

  public GraphApiConfig config() {
    return config;
  }

  @Override
  public void close() {
    transport.close();
  }
}
