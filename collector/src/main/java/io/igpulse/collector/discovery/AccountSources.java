package io.igpulse.collector.discovery;

import io.igpulse.events.DiscoverySource;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Graph API reads of one followed account, each turning a listing into discoveries: owned media
 * (incremental and full), stories, tagged media, tracked hashtags (top and recent) and the media
 * named by webhooks. Thin: the decisions are in {@link OwnedMediaPlan} and {@link MediaMapper}.
 */
final class AccountSources {

  private static final Logger LOG = LoggerFactory.getLogger(AccountSources.class);

  private final GraphClient client;
  private final AccessToken token;
  private final String account;
  private final List<String> hashtags;
  private final Schedule schedule;
  private final SeenState seen;
  private final Clock clock;
  private final Consumer<String> hashtagRefused;
  private final Map<String, String> hashtagIds = new ConcurrentHashMap<>();
  private volatile boolean budgetSynced;

  AccountSources(
      GraphClient client,
      AccessToken token,
      String account,
      List<String> hashtags,
      Schedule schedule,
      SeenState seen,
      Clock clock,
      Consumer<String> hashtagRefused) {
    this.client = client;
    this.token = token;
    this.account = account;
    this.hashtags = List.copyOf(hashtags);
    this.schedule = schedule;
    this.seen = seen;
    this.clock = clock;
    this.hashtagRefused = hashtagRefused;
  }

  /** Newest first until a known media; deeper only when a whole page is new. */
  Future<TaskResult> ownedIncremental() {
    int page = schedule.incrementalPage();
    return client
        .media(token, account, page)
        .compose(
            r -> {
              if (!r.isSuccess()) {
                return Future.succeededFuture(TaskResult.failed(r));
              }
              OwnedMediaPlan.Step step =
                  OwnedMediaPlan.decide(
                      r.value(),
                      page,
                      id -> seen.isSeen(new SeenKey(account, DiscoverySource.OWNED, null, id)));
              if (step.readDeeper()) {
                return ownedFull();
              }
              return Future.succeededFuture(
                  TaskResult.of(map(step.fresh(), DiscoverySource.OWNED, null)));
            });
  }

  /** Every reachable media of the account: catches what an incremental read skipped. */
  Future<TaskResult> ownedFull() {
    return client
        .media(token, account, schedule.maxMediaPerSweep())
        .map(r -> result(r, DiscoverySource.OWNED, null));
  }

  Future<TaskResult> stories() {
    return client.stories(token, account).map(r -> result(r, DiscoverySource.STORY, null));
  }

  Future<TaskResult> tagged() {
    return client
        .tags(token, account, schedule.maxMediaPerSweep())
        .map(r -> result(r, DiscoverySource.TAGGED, null));
  }

  /** Top and recent media of every tracked hashtag, one after the other. */
  Future<TaskResult> hashtags() {
    Future<Void> synced =
        budgetSynced || hashtags.isEmpty()
            ? Future.succeededFuture()
            : client
                .recentlySearchedHashtags(token, account)
                .map(
                    r -> {
                      // Learn the searches already spent (by us before a restart, or by others).
                      budgetSynced = r.isSuccess();
                      return null;
                    });
    List<Discovery> found = new ArrayList<>();
    Future<GraphError> chain = synced.map(v -> null);
    for (String tag : hashtags) {
      chain =
          chain.compose(
              error -> error != null ? Future.succeededFuture(error) : hashtag(tag, found));
    }
    return chain.map(error -> new TaskResult(found, error));
  }

  private Future<GraphError> hashtag(String tag, List<Discovery> found) {
    return hashtagId(tag)
        .compose(
            id -> {
              if (!id.isSuccess()) {
                GraphError e = id.error();
                if (e instanceof GraphError.Throttled t && t.code() == 0) {
                  hashtagRefused.accept(tag);
                  return Future.succeededFuture(null);
                }
                return Future.succeededFuture(e);
              }
              if (id.value() == null) {
                // An unknown hashtag: nothing to read, and the search cost nothing.
                return Future.succeededFuture(null);
              }
              String hashtagId = id.value();
              int max = schedule.maxMediaPerSweep();
              return client
                  .hashtagMedia(token, account, hashtagId, false, max)
                  .compose(
                      top -> {
                        if (!top.isSuccess()) {
                          return Future.succeededFuture(top.error());
                        }
                        found.addAll(map(top.value(), DiscoverySource.HASHTAG_TOP, tag));
                        return client
                            .hashtagMedia(token, account, hashtagId, true, max)
                            .map(
                                recent -> {
                                  if (!recent.isSuccess()) {
                                    return recent.error();
                                  }
                                  found.addAll(
                                      map(recent.value(), DiscoverySource.HASHTAG_RECENT, tag));
                                  return (GraphError) null;
                                });
                      });
            });
  }

  private Future<GraphResult<String>> hashtagId(String tag) {
    String known = hashtagIds.get(tag);
    if (known != null) {
      return Future.succeededFuture(GraphResult.ok(known));
    }
    return client
        .hashtagId(token, account, tag)
        .map(
            r -> {
              if (r.isSuccess() && r.value() != null) {
                hashtagIds.put(tag, r.value());
              }
              return r;
            });
  }

  /** A media named by a {@code mentions} webhook. */
  Future<TaskResult> mentioned(String mediaId) {
    if (seen.isSeen(new SeenKey(account, DiscoverySource.MENTION, null, mediaId))) {
      return Future.succeededFuture(TaskResult.of(List.of()));
    }
    return client
        .mentionedMedia(token, account, mediaId)
        .map(r -> result(r.map(List::of), DiscoverySource.MENTION, null));
  }

  /**
   * A media of the account named by a {@code comments} or {@code story_insights} webhook: read it
   * when it was not found yet (it is the account's own).
   */
  Future<TaskResult> ownMedia(String mediaId, DiscoverySource source) {
    if (seen.isSeen(new SeenKey(account, source, null, mediaId))) {
      return Future.succeededFuture(TaskResult.of(List.of()));
    }
    return client
        .mediaFields(token, account, mediaId)
        .map(r -> result(r.map(m -> tellable(m, source)), source, null));
  }

  /**
   * A media read by id, unless it is a story too old to tell whether it was emitted: its marker may
   * have expired (a late or replayed {@code story_insights} webhook). Listings never return such
   * media, so only this path checks.
   */
  private List<Media> tellable(Media m, DiscoverySource source) {
    Instant now = clock.instant();
    if (!seen.tooOldToTell(source, MediaMapper.postedAt(m.timestamp(), now), now)) {
      return List.of(m);
    }
    LOG.info(
        "Not emitting {} {} of account {}, read by id: posted {}, before the oldest seen markers"
            + " of its source are kept",
        source,
        m.id(),
        account,
        m.timestamp());
    return List.of();
  }

  private TaskResult result(GraphResult<List<Media>> r, DiscoverySource source, String hashtag) {
    return r.isSuccess() ? TaskResult.of(map(r.value(), source, hashtag)) : TaskResult.failed(r);
  }

  private List<Discovery> map(List<Media> media, DiscoverySource source, String hashtag) {
    List<Discovery> out = new ArrayList<>();
    Instant now = clock.instant();
    for (Media m : media) {
      // Most listed media are known: skip them before building an event that would be dropped.
      if (m.id() == null
          || m.id().isEmpty()
          || seen.isSeen(new SeenKey(account, source, hashtag, m.id()))) {
        continue;
      }
      out.add(MediaMapper.discovery(account, source, hashtag, m, now));
    }
    return out;
  }
}
