package io.igpulse.graphapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.graphapi.metrics.MetricBisector;
import io.igpulse.graphapi.metrics.MetricCatalog;
import io.igpulse.graphapi.metrics.RefusedMetrics;
import io.igpulse.graphapi.metrics.RetiredMetrics;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.model.MediaKind;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.paging.Pager;
import io.igpulse.graphapi.paging.Urls;
import io.igpulse.graphapi.request.Fields;
import io.igpulse.graphapi.request.GraphCall;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.version.ApiVersion;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads media insights in the few-calls ways the API allows and heals itself when the API refuses a
 * metric: the refused name is remembered for that media kind (or for the listing) and version,
 * logged and counted once, and the request is repeated without it. So a retired metric costs one
 * failed call per kind, after which requests for that kind no longer carry it.
 */
public final class MediaInsightsReader {

  /** The retirement scope of metrics nested in a {@code /media} listing. */
  public static final String LISTING_SCOPE = "LISTING";

  private static final Logger LOG = LoggerFactory.getLogger(MediaInsightsReader.class);

  /** Culprit searches one read may make (each finds one refused metric). */
  private static final int MAX_SEARCHES = 3;

  private final GraphTransport transport;
  private final MetricCatalog catalog;
  private final RetiredMetrics retired;
  private final GraphMetrics metrics;
  private final Supplier<BatchReader> batches;
  private final ConcurrentMap<String, Future<Void>> probes = new ConcurrentHashMap<>();

  MediaInsightsReader(
      GraphTransport transport,
      MetricCatalog catalog,
      RetiredMetrics retired,
      GraphMetrics metrics,
      Supplier<BatchReader> batches) {
    this.batches = batches;
    this.transport = transport;
    this.catalog = catalog;
    this.retired = retired;
    this.metrics = metrics;
  }

  /** The metrics a request for this kind carries now: the catalog minus what was refused. */
  public List<String> metricsFor(MediaKind kind) {
    return metricsFor(kind, null);
  }

  /**
   * The metrics a request for a media of this kind created at {@code createdAt} (null if unknown)
   * carries now, by the rules of the version the API serves today.
   */
  public List<String> metricsFor(MediaKind kind, Instant createdAt) {
    ApiVersion v = transport.config().version();
    return retired.filter(kind.name(), v, catalog.metricsFor(kind, servedVersion(), createdAt));
  }

  /** The metrics nested in a listing now. */
  public List<String> listingMetrics() {
    ApiVersion v = transport.config().version();
    return retired.filter(LISTING_SCOPE, v, catalog.listingMetrics(servedVersion()));
  }

  /** The version the API serves the configured one as today (an expired one as the oldest live). */
  public ApiVersion servedVersion() {
    return transport
        .config()
        .version()
        .servedOn(LocalDate.ofInstant(transport.clock().now(), ZoneOffset.UTC));
  }

  /** {@code GET /{media}/insights?metric=...} for one media, healing on refused metrics. */
  public Future<GraphResult<MediaInsights>> read(
      AccessToken token, String account, String mediaId, MediaKind kind) {
    return read(token, account, mediaId, kind, null);
  }

  /**
   * As {@link #read(AccessToken, String, String, MediaKind)} for a media created at {@code
   * createdAt}, which decides whether the oldest live version still answers {@code impressions}.
   */
  public Future<GraphResult<MediaInsights>> read(
      AccessToken token, String account, String mediaId, MediaKind kind, Instant createdAt) {
    // The first read of a kind probes its metric set; reads that arrive meanwhile wait for it,
    // so that a refused metric costs one failed call even when many reads start at once.
    String scope = kind.name() + "@" + transport.config().version();
    Promise<Void> probe = Promise.promise();
    Future<Void> gate = probes.putIfAbsent(scope, probe.future());
    if (gate == null) {
      return readWith(token, account, mediaId, kind.name(), metricsFor(kind, createdAt))
          .onComplete(done -> probe.tryComplete());
    }
    return gate.transform(
        done -> readWith(token, account, mediaId, kind.name(), metricsFor(kind, createdAt)));
  }

  private Future<GraphResult<MediaInsights>> readWith(
      AccessToken token, String account, String mediaId, String scope, List<String> wanted) {
    return readWith(token, account, mediaId, scope, wanted, MAX_SEARCHES);
  }

  private Future<GraphResult<MediaInsights>> readWith(
      AccessToken token,
      String account,
      String mediaId,
      String scope,
      List<String> wanted,
      int searchesLeft) {
    if (wanted.isEmpty()) {
      return Future.succeededFuture(
          GraphResult.failed(new GraphError.Rejected(100, null, "no metric left to ask for")));
    }
    return transport
        .get(token, insightsCall(account, mediaId, wanted))
        .compose(
            result -> {
              List<String> refused =
                  result.error() instanceof GraphError.UnsupportedMetric u
                      ? RefusedMetrics.of(u, wanted)
                      : List.of();
              if (!refused.isEmpty()) {
                refused.forEach(m -> learn(scope, m));
                return readWith(
                    token, account, mediaId, scope, without(wanted, refused), searchesLeft);
              }
              if (isUnnamedRefusal(result.error()) && searchesLeft > 0) {
                return searchCulprit(token, account, mediaId, wanted)
                    .compose(
                        culprit -> {
                          if (culprit.isEmpty()) {
                            return Future.succeededFuture(asInsights(mediaId, result));
                          }
                          learn(scope, culprit.get());
                          return readWith(
                              token,
                              account,
                              mediaId,
                              scope,
                              without(wanted, List.of(culprit.get())),
                              searchesLeft - 1);
                        });
              }
              return Future.succeededFuture(asInsights(mediaId, result));
            });
  }

  /**
   * A code-100 answer to an insights request that names no metric this client understands: a
   * refusal in a wording not met before, whose culprit {@link MetricBisector} finds.
   */
  static boolean isUnnamedRefusal(GraphError error) {
    if (error instanceof GraphError.UnsupportedMetric) {
      return true;
    }
    return error instanceof GraphError.Rejected r && r.code() == 100 && r.subcode() == null;
  }

  /** Halves the metric list against the same media until one metric is singled out. */
  Future<Optional<String>> searchCulprit(
      AccessToken token, String account, String mediaId, List<String> wanted) {
    LOG.debug("insights of {} refused without a metric named: searching", mediaId);
    return new MetricBisector(MetricBisector.probesFor(wanted.size()))
        .culprit(
            wanted,
            subset ->
                transport
                    .get(token, insightsCall(account, mediaId, subset))
                    .map(r -> probeOutcome(r.error())));
  }

  static MetricBisector.Probe probeOutcome(GraphError error) {
    if (error == null) {
      return MetricBisector.Probe.ACCEPTED;
    }
    return isUnnamedRefusal(error) ? MetricBisector.Probe.REFUSED : MetricBisector.Probe.OTHER;
  }

  private static GraphCall insightsCall(String account, String mediaId, List<String> metrics) {
    return GraphCall.get("/" + mediaId + "/insights", "media_insights")
        .param("metric", String.join(",", metrics))
        .account(account)
        .build();
  }

  private static GraphResult<MediaInsights> asInsights(
      String mediaId, GraphResult<JsonNode> result) {
    return result.map(body -> MediaInsights.from(mediaId, body));
  }

  /**
   * Newest media of an account with their insights nested, {@code limit} per page, up to {@code
   * maxMedia}: one request per page instead of one per media.
   */
  public Future<GraphResult<List<Media>>> listWithInsights(
      AccessToken token, String igUserId, int maxMedia, int pageSize) {
    List<String> wanted = listingMetrics();
    GraphCall first =
        GraphCall.get("/" + igUserId + "/media", "user_media")
            .param("fields", Fields.of(Fields.MEDIA).insights(wanted).value())
            .param("limit", Math.min(pageSize, Math.max(1, maxMedia)))
            .account(igUserId)
            .build();
    AtomicBoolean plain = new AtomicBoolean();
    Pager pager = new Pager(call -> fetchHealing(token, call, plain));
    return pager
        .collect(first, maxMedia, Integer.MAX_VALUE)
        .map(r -> r.map(items -> items.stream().map(Media::from).toList()));
  }

  /**
   * One listing page; on a refused nested metric, drop it and repeat the page without it. A nested
   * insights error of a single media (posted before the business conversion, a story under 5
   * viewers) fails the whole page, so such a page is read again without insights and its media's
   * insights come from one batch; since media are listed newest first, every older page would fail
   * the same way, so the rest of the listing goes that way at once ({@code plain}).
   */
  private Future<GraphResult<JsonNode>> fetchHealing(
      AccessToken token, GraphCall call, AtomicBoolean plain) {
    if (plain.get()) {
      return plainPageWithBatchedInsights(token, call);
    }
    List<String> asked = listingMetrics();
    GraphCall current = withListingFields(call, asked);
    return transport
        .get(token, current)
        .compose(
            result -> {
              List<String> refused =
                  result.error() instanceof GraphError.UnsupportedMetric u
                      ? RefusedMetrics.of(u, asked)
                      : List.of();
              if (!refused.isEmpty()) {
                refused.forEach(m -> learn(LISTING_SCOPE, m));
                return fetchHealing(token, call, plain);
              }
              if (isUnnamedRefusal(result.error())) {
                // The culprit is found on the kinds' own reads; the listing reads plainly.
                LOG.debug("listing page refused nested insights without a metric named; batching");
                plain.set(true);
                return plainPageWithBatchedInsights(token, call);
              }
              if (result.error() instanceof GraphError.Skip
                  || result.error() instanceof GraphError.NotEnoughViewers) {
                LOG.debug(
                    "listing page refused nested insights ({}); batching them",
                    result.error().describe());
                plain.set(true);
                return plainPageWithBatchedInsights(token, call);
              }
              return Future.succeededFuture(result);
            });
  }

  private Future<GraphResult<JsonNode>> plainPageWithBatchedInsights(
      AccessToken token, GraphCall call) {
    String fields = Fields.of(Fields.MEDIA).value();
    GraphCall plainCall;
    if (call.isAbsolute()) {
      plainCall =
          new GraphCall(
              Urls.withParam(call.path(), "fields", fields),
              call.params(),
              call.account(),
              call.endpoint());
    } else {
      Map<String, String> params = new LinkedHashMap<>(call.params());
      params.put("fields", fields);
      plainCall = new GraphCall(call.path(), params, call.account(), call.endpoint());
    }
    return transport
        .get(token, plainCall)
        .compose(
            page -> {
              if (!page.isSuccess()) {
                return Future.succeededFuture(page);
              }
              List<Media> media = new ArrayList<>();
              page.value().path("data").forEach(n -> media.add(Media.from(n)));
              return batches
                  .get()
                  .mediaInsights(token, call.account(), media)
                  .map(
                      results -> {
                        for (JsonNode node : page.value().path("data")) {
                          GraphResult<MediaInsights> r = results.get(node.path("id").asText());
                          if (r != null && r.isSuccess() && node instanceof ObjectNode o) {
                            o.set("insights", asInsightsBody(r.value()));
                          }
                        }
                        return page;
                      });
            });
  }

  private static JsonNode asInsightsBody(MediaInsights insights) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode data = body.putArray("data");
    insights
        .values()
        .forEach(
            (name, value) ->
                data.addObject()
                    .put("name", name)
                    .put("period", "lifetime")
                    .putArray("values")
                    .addObject()
                    .put("value", value));
    return body;
  }

  /** The call with its nested metric list set to what the listing may carry now. */
  private GraphCall withListingFields(GraphCall call, List<String> asked) {
    String fields = Fields.of(Fields.MEDIA).insights(asked).value();
    if (call.isAbsolute()) {
      return new GraphCall(
          Urls.withParam(call.path(), "fields", fields),
          call.params(),
          call.account(),
          call.endpoint());
    }
    Map<String, String> params = new LinkedHashMap<>(call.params());
    params.put("fields", fields);
    return new GraphCall(call.path(), params, call.account(), call.endpoint());
  }

  void learn(String scope, String metric) {
    ApiVersion v = transport.config().version();
    if (retired.retire(scope, v, metric)) {
      LOG.warn(
          "Graph API {} refuses metric {} for {}: dropped from now on (successor: {})",
          v,
          metric,
          scope,
          catalog.successor(metric).equals(metric) ? "none" : catalog.successor(metric));
      metrics.metricDropped(scope, metric);
    }
  }

  static List<String> without(List<String> list, List<String> names) {
    List<String> out = new ArrayList<>(list);
    out.removeAll(names);
    return out;
  }
}
