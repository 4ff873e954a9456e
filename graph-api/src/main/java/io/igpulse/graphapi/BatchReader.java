package io.igpulse.graphapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.outcome.ErrorClassifier;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.pacing.Usage;
import io.igpulse.graphapi.pacing.UsageHeaders;
import io.igpulse.graphapi.request.BatchBuilder;
import io.igpulse.graphapi.request.GraphCall;
import io.igpulse.graphapi.token.AccessToken;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends batches ({@code POST /} with up to 50 items) and reads their per-item answers, each of
 * which is classified like a response of its own. Used to refresh the full, kind-specific insight
 * sets of many media in one request per 50 media.
 */
public final class BatchReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final GraphTransport transport;
  private final ErrorClassifier classifier;
  private final MediaInsightsReader insights;

  BatchReader(GraphTransport transport, ErrorClassifier classifier, MediaInsightsReader insights) {
    this.transport = transport;
    this.classifier = classifier;
    this.insights = insights;
  }

  /** One batch; the answer has one result per item, in order. */
  public Future<GraphResult<List<GraphResult<JsonNode>>>> send(
      AccessToken token, String account, BatchBuilder batch) {
    GraphCall call = GraphCall.get("/", "batch").account(account).build();
    return transport
        .post(token, call, Map.of("batch", batch.toJson(), "include_headers", "true"))
        .map(result -> result.map(body -> items(body, batch.size())));
  }

  private List<GraphResult<JsonNode>> items(JsonNode body, int expected) {
    List<GraphResult<JsonNode>> out = new ArrayList<>(expected);
    for (int i = 0; i < expected; i++) {
      JsonNode item = body.isArray() && i < body.size() ? body.get(i) : null;
      out.add(item(item));
    }
    return out;
  }

  private GraphResult<JsonNode> item(JsonNode item) {
    if (item == null || item.isNull()) {
      // The API answers null for items it did not get to (the batch timed out server-side).
      return GraphResult.failed(new GraphError.Transient("batch item not processed"));
    }
    int code = item.path("code").asInt(500);
    String appUsage = null;
    String business = null;
    for (JsonNode h : item.path("headers")) {
      String name = h.path("name").asText("");
      if (name.equalsIgnoreCase(UsageHeaders.APP)) {
        appUsage = h.path("value").asText();
      } else if (name.equalsIgnoreCase(UsageHeaders.BUSINESS)) {
        business = h.path("value").asText();
      }
    }
    Usage usage = UsageHeaders.parse(appUsage, business);
    JsonNode parsed;
    try {
      parsed = JSON.readTree(item.path("body").asText(""));
      if (parsed == null || parsed.isMissingNode()) {
        throw new IllegalArgumentException("empty");
      }
    } catch (Exception e) {
      return GraphResult.failed(classifier.unparseable(code, "batch item body not JSON"));
    }
    return classifier
        .classify(code, parsed, usage)
        .<GraphResult<JsonNode>>map(GraphResult::failed)
        .orElseGet(() -> GraphResult.ok(parsed));
  }

  /**
   * Insights of many media of one account with the metric set of each media's kind: one batch per
   * 50 media, plus one more round for items whose kind had a metric refused (healed as in {@link
   * MediaInsightsReader}).
   */
  public Future<Map<String, GraphResult<MediaInsights>>> mediaInsights(
      AccessToken token, String account, List<Media> media) {
    Map<String, GraphResult<MediaInsights>> results = new LinkedHashMap<>();
    return round(token, account, media, results, 0).map(v -> results);
  }

  private Future<Void> round(
      AccessToken token,
      String account,
      List<Media> media,
      Map<String, GraphResult<MediaInsights>> results,
      int depth) {
    if (media.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Media> again = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < media.size(); from += BatchBuilder.MAX_ITEMS) {
      List<Media> chunk =
          media.subList(from, Math.min(media.size(), from + BatchBuilder.MAX_ITEMS));
      chain = chain.compose(v -> oneBatch(token, account, chunk, results, again, depth));
    }
    return chain.compose(v -> round(token, account, List.copyOf(again), results, depth + 1));
  }

  private Future<Void> oneBatch(
      AccessToken token,
      String account,
      List<Media> chunk,
      Map<String, GraphResult<MediaInsights>> results,
      List<Media> again,
      int depth) {
    BatchBuilder batch = new BatchBuilder();
    for (Media m : chunk) {
      batch.add(
          GraphCall.get("/" + m.id() + "/insights", "media_insights")
              .param("metric", String.join(",", insights.metricsFor(m.kind())))
              .build());
    }
    return send(token, account, batch)
        .<Void>map(
            answer -> {
              for (int i = 0; i < chunk.size(); i++) {
                Media m = chunk.get(i);
                GraphResult<JsonNode> item =
                    answer.isSuccess() ? answer.value().get(i) : GraphResult.failed(answer.error());
                if (item.error() instanceof GraphError.UnsupportedMetric u
                    && insights.metricsFor(m.kind()).contains(u.metric())
                    && depth < 20) {
                  insights.learn(m.kind().name(), u.metric());
                  again.add(m);
                } else if (item.error() instanceof GraphError.UnsupportedMetric
                    && depth < 20
                    && !insights.metricsFor(m.kind()).isEmpty()) {
                  // Another item of the same kind already dropped the refused metric: ask again.
                  again.add(m);
                } else {
                  results.put(m.id(), item.map(body -> MediaInsights.from(m.id(), body)));
                }
              }
              return null;
            });
  }
}
