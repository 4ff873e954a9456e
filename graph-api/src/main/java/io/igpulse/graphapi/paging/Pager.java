package io.igpulse.graphapi.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.request.GraphCall;
import io.igpulse.graphapi.token.TokenRedactor;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Follows {@code paging.next} from a first call until a {@link PageGuard} says stop or enough items
 * are in. Next links are stripped of tokens before they are kept and are followed as token-free
 * calls; the transport adds credentials per request.
 */
public final class Pager {

  private final Function<GraphCall, Future<GraphResult<JsonNode>>> fetch;

  public Pager(Function<GraphCall, Future<GraphResult<JsonNode>>> fetch) {
    this.fetch = fetch;
  }

  /** Reads one page: its items and its token-free next link. */
  public static Page<JsonNode> page(JsonNode body) {
    List<JsonNode> items = new ArrayList<>();
    body.path("data").forEach(items::add);
    JsonNode next = body.path("paging").path("next");
    Optional<String> link =
        next.isTextual() && !next.asText().isBlank()
            ? Optional.of(TokenRedactor.stripSecrets(next.asText()))
            : Optional.empty();
    return new Page<>(items, link);
  }

  /**
   * All items up to {@code maxItems}, deduplicated by id, in the order the API gave them. A failed
   * page fails the whole collection (the caller may retry later; cursors expire, so none is kept).
   */
  public Future<GraphResult<List<JsonNode>>> collect(GraphCall first, int maxItems, int maxPages) {
    return next(first, new ArrayList<>(), new HashSet<>(), new PageGuard(maxPages), maxItems);
  }

  private Future<GraphResult<List<JsonNode>>> next(
      GraphCall call, List<JsonNode> kept, Set<String> keptIds, PageGuard guard, int maxItems) {
    return fetch
        .apply(call)
        .compose(
            result -> {
              if (!result.isSuccess()) {
                return Future.succeededFuture(GraphResult.failed(result.error()));
              }
              Page<JsonNode> page = page(result.value());
              List<String> ids = new ArrayList<>();
              for (JsonNode item : page.items()) {
                String id = item.path("id").asText(null);
                boolean dup = id != null && !keptIds.add(id);
                if (id != null) {
                  ids.add(id);
                }
                if (!dup && kept.size() < maxItems) {
                  kept.add(item);
                }
              }
              boolean more = guard.accept(ids, page.next().orElse(null)) && kept.size() < maxItems;
              if (!more) {
                return Future.succeededFuture(GraphResult.ok(List.copyOf(kept)));
              }
              GraphCall following =
                  new GraphCall(page.next().get(), Map.of(), call.account(), call.endpoint());
              return next(following, kept, keptIds, guard, maxItems);
            });
  }
}
