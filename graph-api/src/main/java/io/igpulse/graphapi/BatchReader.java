package io.igpulse.graphapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpulse.graphapi.metrics.RefusedMetrics;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sends batches ({@code POST /} with up to 50 items) and reads their per-item answers, each of
 * which is classified like a response of its own. Used to refresh the full, kind-specific insight
 * sets of many media in one request per 50 media, whichever accounts they belong to: each item
 * carries its account's token, so the media of many small accounts share a request.
 */
public final class BatchReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Rounds of retries (metrics dropped, batches re-led) before an item's error stands. */
  private static final int MAX_ROUNDS = 20;

  private final GraphTransport transport;
  private final ErrorClassifier classifier;
  private final MediaInsightsReader insights;

  BatchReader(GraphTransport transport, ErrorClassifier classifier, MediaInsightsReader insights) {
    this.transport = transport;
    this.classifier = classifier;
    this.insights = insights;
  }

  /** One media to read, with the token and account it is read as. */
  public record Target(AccessToken token, String account, Media media) {
    public Target {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(media, "media");
    }
  }

  /** One GET of any object, answered with its own account's token inside a shared batch. */
  public record Item(AccessToken token, String account, GraphCall call) {
    public Item {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(call, "call");
    }
  }

  /**
   * Any GETs of any accounts, each item answered with its own token: one batch request per 50
   * items. A batch that fails as a whole (its lead token refused, a transport failure) fails each
   * of its items with that error. The answer is aligned with {@code items}.
   */
  public Future<List<GraphResult<JsonNode>>> getAll(List<Item> items) {
    List<GraphResult<JsonNode>> out = new ArrayList<>(items.size());
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < items.size(); from += BatchBuilder.MAX_ITEMS) {
      List<Item> chunk = items.subList(from, Math.min(items.size(), from + BatchBuilder.MAX_ITEMS));
      chain = chain.compose(v -> oneGetBatch(chunk).map(out::addAll).<Void>mapEmpty());
    }
    return chain.map(v -> List.copyOf(out));
  }

  private Future<List<GraphResult<JsonNode>>> oneGetBatch(List<Item> chunk) {
    Item lead = chunk.get(0);
    BatchBuilder batch = new BatchBuilder();
    Set<AccessToken> tokens = new LinkedHashSet<>();
    Set<String> accounts = new LinkedHashSet<>();
    for (Item item : chunk) {
      tokens.add(item.token());
      if (item.account() != null) {
        accounts.add(item.account());
      }
      batch.add(item.call(), item.token());
    }
    GraphCall call = GraphCall.get("/", "batch").account(lead.account()).build();
    Map<String, String> form =
        Map.of(
            "batch",
            batch.toJson(lead.token(), transport.config().appSecret()),
            "include_headers",
            "true");
    return transport
        .postBatch(lead.token(), call, form, tokens, accounts)
        .map(
            result -> {
              if (!result.isSuccess()) {
                List<GraphResult<JsonNode>> failed = new ArrayList<>(chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                  failed.add(GraphResult.failed(result.error()));
                }
                return failed;
              }
              return items(result.value(), batch, lead.token());
            });
  }

  /** One batch; the answer has one result per item, in order. */
  public Future<GraphResult<List<GraphResult<JsonNode>>>> send(
      AccessToken token, String account, BatchBuilder batch) {
    GraphCall call = GraphCall.get("/", "batch").account(account).build();
    return transport
        .post(token, call, Map.of("batch", batch.toJson(), "include_headers", "true"))
        .map(result -> result.map(body -> items(body, batch, token)));
  }

  private List<GraphResult<JsonNode>> items(JsonNode body, BatchBuilder batch, AccessToken outer) {
    int expected = batch.size();
    List<GraphResult<JsonNode>> out = new ArrayList<>(expected);
    for (int i = 0; i < expected; i++) {
      JsonNode item = body.isArray() && i < body.size() ? body.get(i) : null;
      AccessToken own = batch.tokenOf(i);
      out.add(item(item, own != null ? own : outer, batch.calls().get(i)));
    }
    return out;
  }

  private GraphResult<JsonNode> item(JsonNode item, AccessToken token, GraphCall call) {
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
    // An item's usage is its own token's and account's, which may not be the batch request's.
    transport.observe(token, call, usage);
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
    List<Target> targets = media.stream().map(m -> new Target(token, account, m)).toList();
    return mediaInsights(targets)
        .map(
            results -> {
              Map<String, GraphResult<MediaInsights>> byId = new LinkedHashMap<>();
              for (int i = 0; i < media.size(); i++) {
                byId.put(media.get(i).id(), results.get(i));
              }
              return byId;
            });
  }

  /**
   * Insights of media of any accounts, each item read with its own target's token: one batch per 50
   * targets in the order given, plus the healing rounds of {@link #mediaInsights(AccessToken,
   * String, List)}. A batch whose own token is refused is not charged to the other accounts in it:
   * their items go again, led by another token. The answer is aligned with {@code targets}.
   */
  public Future<List<GraphResult<MediaInsights>>> mediaInsights(List<Target> targets) {
    @SuppressWarnings("unchecked")
    GraphResult<MediaInsights>[] results = new GraphResult[targets.size()];
    List<Integer> all = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      all.add(i);
    }
    List<Integer> singles = new ArrayList<>();
    return round(targets, all, results, singles, 0)
        .compose(v -> readSingly(targets, singles, results))
        .map(v -> Arrays.asList(results));
  }

  /**
   * Items refused with a code 100 that names no metric are read one by one, where the culprit
   * search of {@link MediaInsightsReader} finds and remembers the refused metric.
   */
  private Future<Void> readSingly(
      List<Target> targets, List<Integer> singles, GraphResult<MediaInsights>[] results) {
    Future<Void> chain = Future.succeededFuture();
    for (int index : singles) {
      Target t = targets.get(index);
      chain =
          chain.compose(
              v ->
                  insights
                      .read(
                          t.token(),
                          t.account(),
                          t.media().id(),
                          t.media().kind(),
                          t.media().createdAt())
                      .map(
                          r -> {
                            results[index] = r;
                            return null;
                          }));
    }
    return chain;
  }

  private Future<Void> round(
      List<Target> targets,
      List<Integer> pending,
      GraphResult<MediaInsights>[] results,
      List<Integer> singles,
      int depth) {
    if (pending.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Integer> again = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < pending.size(); from += BatchBuilder.MAX_ITEMS) {
      List<Integer> chunk =
          pending.subList(from, Math.min(pending.size(), from + BatchBuilder.MAX_ITEMS));
      chain = chain.compose(v -> oneBatch(targets, chunk, results, again, singles, depth));
    }
    return chain.compose(v -> round(targets, List.copyOf(again), results, singles, depth + 1));
  }

  private Future<Void> oneBatch(
      List<Target> targets,
      List<Integer> chunk,
      GraphResult<MediaInsights>[] results,
      List<Integer> again,
      List<Integer> singles,
      int depth) {
    Target lead = targets.get(chunk.get(0));
    Map<Integer, List<String>> asked = new HashMap<>();
    BatchBuilder batch = new BatchBuilder();
    Set<AccessToken> tokens = new LinkedHashSet<>();
    Set<String> accounts = new LinkedHashSet<>();
    for (int index : chunk) {
      Target t = targets.get(index);
      tokens.add(t.token());
      if (t.account() != null) {
        accounts.add(t.account());
      }
      List<String> metrics = insights.metricsFor(t.media().kind(), t.media().createdAt());
      asked.put(index, metrics);
      batch.add(
          GraphCall.get("/" + t.media().id() + "/insights", "media_insights")
              .param("metric", String.join(",", metrics))
              .account(t.account())
              .build(),
          t.token());
    }
    GraphCall call = GraphCall.get("/", "batch").account(lead.account()).build();
    Map<String, String> form =
        Map.of(
            "batch",
            batch.toJson(lead.token(), transport.config().appSecret()),
            "include_headers",
            "true");
    return transport
        .postBatch(lead.token(), call, form, tokens, accounts)
        .<Void>map(
            result -> {
              settle(
                  result.map(body -> items(body, batch, lead.token())),
                  targets,
                  chunk,
                  lead,
                  results,
                  again,
                  singles,
                  asked,
                  depth);
              return null;
            });
  }

  /**
   * Files each item of one batch's answer: a result, or another try in the next round (a metric to
   * drop, or an item failed only because the lead's token was refused).
   */
  private void settle(
      GraphResult<List<GraphResult<JsonNode>>> answer,
      List<Target> targets,
      List<Integer> chunk,
      Target lead,
      GraphResult<MediaInsights>[] results,
      List<Integer> again,
      List<Integer> singles,
      Map<Integer, List<String>> asked,
      int depth) {
    boolean mayRetry = depth < MAX_ROUNDS;
    for (int i = 0; i < chunk.size(); i++) {
      int index = chunk.get(i);
      Media m = targets.get(index).media();
      if (!answer.isSuccess()) {
        boolean othersToken = !targets.get(index).token().value().equals(lead.token().value());
        if (answer.error() instanceof GraphError.AuthFailed && othersToken && mayRetry) {
          // The lead's token was refused before any item ran: not this item's fault.
          again.add(index);
        } else {
          results[index] = GraphResult.failed(answer.error());
        }
        continue;
      }
      GraphResult<JsonNode> item = answer.value().get(i);
      List<String> refused =
          item.error() instanceof GraphError.UnsupportedMetric u
              ? RefusedMetrics.of(u, asked.get(index))
              : List.of();
      if (!refused.isEmpty() && mayRetry) {
        refused.forEach(metric -> insights.learn(m.kind().name(), metric));
        again.add(index);
      } else if (item.error() instanceof GraphError.UnsupportedMetric u
          && u.metric() != null
          && !asked.get(index).contains(u.metric())
          && mayRetry
          && !insights.metricsFor(m.kind()).isEmpty()) {
        // Named a metric this item no longer carries: another item already dropped it.
        again.add(index);
      } else if (MediaInsightsReader.isUnnamedRefusal(item.error())) {
        singles.add(index);
      } else {
        results[index] = item.map(body -> MediaInsights.from(m.id(), body));
      }
    }
  }
}
