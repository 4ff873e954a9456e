package io.igpulse.enricher.fetch;

import io.igpulse.enricher.schedule.PublicEntry;
import io.igpulse.enricher.schedule.PublicReadPlanner;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the public counters ({@code like_count}, {@code comments_count}) of media igpulse does not
 * own, through the edges that list them: the account's {@code tags} listing, {@code
 * mentioned_media.media_id(..)} (all mentions of a round in shared batch requests, each item with
 * its account's token), and a hashtag's {@code top_media} / {@code recent_media}. Never a direct
 * read of the media and never its insights: only the owner may do either. Hashtag ids are
 * remembered (they are global; a repeated search is free of the 30-per-7-days budget but still a
 * call).
 */
public final class PublicCounterFetcher {

  /** One planned read and the token of its account. */
  public record Ask(PublicReadPlanner.Read read, AccessToken token) {}

  /**
   * What one read returned: the media its edge listed by id ({@code complete} false when the
   * listing was cut at its maximum, so an absent media may still be listed further on), the calls
   * it cost, and when the answer was in (the instant the counters describe).
   */
  public record Answer(
      PublicReadPlanner.Read read,
      GraphResult<Map<String, Media>> listed,
      boolean complete,
      int calls,
      Instant capturedAt) {}

  private final GraphClient client;
  private final Clock clock;
  private final Duration timeout;
  private final int maxListed;
  private final Map<String, String> hashtagIds = new ConcurrentHashMap<>();
  private final ListingCache listings;

  /**
   * @param maxListed media read at most from one listing (tags are newest first, and the public
   *     cadence ends at 30 days, so the newest few hundred cover every tagged media on the
   *     schedule)
   * @param reuse how long a listing one task read serves the other tasks' due media (a tick)
   */
  public PublicCounterFetcher(
      GraphClient client, Clock clock, Duration timeout, int maxListed, Duration reuse) {
    this.client = client;
    this.clock = clock;
    this.timeout = timeout;
    this.maxListed = maxListed;
    this.listings = new ListingCache(reuse);
  }

  /** Reads every ask; the answers are in the order of the asks. */
  public List<Answer> read(List<Ask> asks) {
    Map<Ask, Answer> answers = new HashMap<>();
    List<Ask> mentions = new ArrayList<>();
    for (Ask ask : asks) {
      PublicReadPlanner.Read read = ask.read();
      if (read.edge() == PublicReadPlanner.Edge.MENTION) {
        mentions.add(ask);
        continue;
      }
      String key = read.edge() + "|" + read.account() + "|" + read.hashtag();
      Optional<ListingCache.Listing> shared = listings.get(key, clock.instant());
      // Only a listing read once every media of this read was due describes a due snapshot.
      if (shared.isPresent()
          && read.entries().stream()
              .allMatch(e -> e.nextDueAt() <= shared.get().capturedAt().toEpochMilli())) {
        ListingCache.Listing l = shared.get();
        answers.put(
            ask, new Answer(read, GraphResult.ok(l.media()), l.complete(), 0, l.capturedAt()));
        continue;
      }
      Answer answer = read.edge() == PublicReadPlanner.Edge.TAGS ? tags(ask) : hashtag(ask);
      if (answer.listed().isSuccess()) {
        listings.put(
            key,
            new ListingCache.Listing(
                answer.listed().value(), answer.complete(), answer.capturedAt()));
      }
      answers.put(ask, answer);
    }
    mentions(mentions, answers);
    return asks.stream().map(answers::get).toList();
  }

  private Answer tags(Ask ask) {
    Optional<GraphResult<List<Media>>> r =
        Blocking.await(client.tagCounters(ask.token(), ask.read().account(), maxListed), timeout);
    return listing(ask, r, 0);
  }

  private Answer hashtag(Ask ask) {
    String name = ask.read().hashtag();
    int calls = 0;
    String id = hashtagIds.get(name);
    if (id == null) {
      Optional<GraphResult<String>> found =
          Blocking.await(client.hashtagId(ask.token(), ask.read().account(), name), timeout);
      calls++;
      if (found.isEmpty() || !found.get().isSuccess()) {
        return new Answer(
            ask.read(),
            GraphResult.failed(found.isEmpty() ? noAnswer() : found.get().error()),
            true,
            calls,
            clock.instant());
      }
      id = found.get().value();
      if (id == null) {
        // No such hashtag: nothing lists the media through it.
        return new Answer(ask.read(), GraphResult.ok(Map.of()), true, calls, clock.instant());
      }
      hashtagIds.put(name, id);
    }
    boolean recent = ask.read().edge() == PublicReadPlanner.Edge.HASHTAG_RECENT;
    Optional<GraphResult<List<Media>>> r =
        Blocking.await(
            client.hashtagMedia(ask.token(), ask.read().account(), id, recent, maxListed), timeout);
    return listing(ask, r, calls);
  }

  private Answer listing(Ask ask, Optional<GraphResult<List<Media>>> r, int callsBefore) {
    Instant captured = clock.instant();
    if (r.isEmpty()) {
      return new Answer(
          ask.read(), GraphResult.failed(noAnswer()), true, callsBefore + 1, captured);
    }
    if (!r.get().isSuccess()) {
      return new Answer(
          ask.read(), GraphResult.failed(r.get().error()), true, callsBefore + 1, captured);
    }
    List<Media> media = r.get().value();
    Map<String, Media> byId = new HashMap<>();
    media.forEach(m -> byId.put(m.id(), m));
    int pages =
        Math.max(1, (media.size() + client.config().pageSize() - 1) / client.config().pageSize());
    return new Answer(
        ask.read(), GraphResult.ok(byId), media.size() < maxListed, callsBefore + pages, captured);
  }

  /** Every mention of the round in batches of 50 items, whatever their accounts. */
  private void mentions(List<Ask> asks, Map<Ask, Answer> answers) {
    if (asks.isEmpty()) {
      return;
    }
    List<GraphClient.MentionRead> reads =
        asks.stream()
            .map(
                a ->
                    new GraphClient.MentionRead(
                        a.token(), a.read().account(), only(a.read()).mediaId()))
            .toList();
    Optional<List<GraphResult<Media>>> r =
        Blocking.await(client.mentionedMediaCounters(reads), timeout);
    Instant captured = clock.instant();
    for (int i = 0; i < asks.size(); i++) {
      Ask ask = asks.get(i);
      GraphResult<Media> one = r.isPresent() ? r.get().get(i) : GraphResult.failed(noAnswer());
      GraphResult<Map<String, Media>> listed;
      if (one.isSuccess()) {
        listed = GraphResult.ok(Map.of(only(ask.read()).mediaId(), one.value()));
      } else if (one.error() instanceof GraphError.Gone) {
        // The account no longer lists the media among its mentions (deleted, or un-mentioned).
        listed = GraphResult.ok(Map.of());
      } else {
        listed = GraphResult.failed(one.error());
      }
      answers.put(ask, new Answer(ask.read(), listed, true, 1, captured));
    }
  }

  private static PublicEntry only(PublicReadPlanner.Read read) {
    return read.entries().get(0);
  }

  private GraphError noAnswer() {
    return new GraphError.Transient("no answer within " + timeout);
  }

  public String apiVersion() {
    return client.config().version().toString();
  }
}
