package io.igpulse.enricher.topology;

import io.igpulse.enricher.fetch.PublicCounterFetcher;
import io.igpulse.enricher.schedule.MediaState;
import io.igpulse.enricher.schedule.PublicEntry;
import io.igpulse.enricher.schedule.PublicPaths;
import io.igpulse.enricher.schedule.PublicReadPlanner;
import io.igpulse.enricher.schedule.Reader;
import io.igpulse.enricher.snapshot.ReadOutcome;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.token.AccessToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the media igpulse does not own through their public counters. Discoveries arrive keyed by
 * media id (as the collector writes them), so every discovery of one media, by any followed account
 * and through any edge, lands in one task and one {@code public-schedule} entry: one series of
 * snapshots per media, whose {@code earned_by} names every followed account that tagged or
 * mentioned it. A discovery of the media as a followed account's own ({@code OWNED}, {@code STORY})
 * marks it as read elsewhere (with insights, by its owner's schedule), and it is never read here.
 *
 * <p>A wall-clock punctuator finds the due media, chooses the cheapest edge that still lists each,
 * plans the edge reads under the public budgets, reads them and forwards the snapshots with the
 * store updates in the task's exactly-once transaction. A media its edge no longer lists (a hashtag
 * listing it dropped out of, {@code recent_media} after 24 h, an un-tagging) loses that edge; with
 * none left it leaves the schedule.
 */
final class PublicCounterProcessor
    implements Processor<String, MediaDiscovered, String, SpecificRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(PublicCounterProcessor.class);

  private final Enrichment parts;
  private final PublicCounters path;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, PublicEntry> store;
  private AccountTokens tokens;

  PublicCounterProcessor(Enrichment parts) {
    this.parts = parts;
    this.path = parts.publicCounters();
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.PUBLIC_SCHEDULE);
    this.tokens =
        new AccountTokens(context.getStateStore(StoreNames.ACCOUNTS), parts.reads().tokens());
    context.schedule(parts.plan().tick(), PunctuationType.WALL_CLOCK_TIME, w -> round());
  }

  @Override
  public void process(Record<String, MediaDiscovered> record) {
    MediaDiscovered d = record.value();
    String id = d.getMediaId();
    String source = d.getSource().name();
    long postedAt = d.getPostedAt().toEpochMilli();
    PublicEntry known = store.get(id);
    if (PublicPaths.readWithInsights(source)) {
      if (known == null) {
        store.put(id, PublicEntry.owned(id, postedAt));
      } else if (!known.ownedByFollowed()) {
        LOG.info(
            "Media {} belongs to followed account {}: read with insights from now on",
            id,
            d.getFollowedAccountId());
        store.put(id, known.ownedByAFollowedAccount());
      }
      return;
    }
    if (!PublicPaths.readThroughEdge(source)) {
      return;
    }
    Reader reader = new Reader(source, d.getFollowedAccountId(), d.getHashtag());
    OptionalLong first = path.schedule().firstDue(postedAt, null, false, parts.clock().millis());
    Long due = first.isPresent() ? first.getAsLong() : null;
    if (known == null) {
      store.put(
          id,
          PublicEntry.found(
              id,
              d.getMediaType().name(),
              d.getMediaProductType().name(),
              postedAt,
              List.copyOf(d.getCaptionHashtags()),
              d.getOwnerUsername(),
              reader,
              due));
    } else {
      PublicEntry merged =
          known.withReader(reader, d.getOwnerUsername(), d.getCaptionHashtags(), due);
      if (!merged.equals(known)) {
        store.put(id, merged);
      }
    }
  }

  /** One round: the due media, their edge reads under the budgets, the snapshots. */
  private void round() {
    long now = parts.clock().millis();
    long keepFinished =
        path.schedule().cadence().maxAge().toMillis() + Duration.ofDays(1).toMillis();
    List<PublicReadPlanner.Due> due = new ArrayList<>();
    List<String> expired = new ArrayList<>();
    Map<String, PublicEntry> forgotten = new HashMap<>();
    try (KeyValueIterator<String, PublicEntry> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, PublicEntry> kv = all.next();
        PublicEntry e = kv.value;
        if (e.isDueAt(now)) {
          Set<Reader> listable = PublicPaths.listable(e.readers(), e.postedAt(), now);
          if (listable.isEmpty()) {
            forgotten.put(kv.key, e.keepReaders(listable));
            continue;
          }
          // Through an account we hold a token for: another finder's token may be missing.
          Set<Reader> readable = new HashSet<>(listable);
          readable.removeIf(r -> tokens.tokenOf(r.account()).isEmpty());
          Optional<Reader> reader = PublicPaths.choose(readable, e.postedAt(), now);
          reader.ifPresent(r -> due.add(new PublicReadPlanner.Due(e, r)));
        } else if (e.state() != MediaState.ACTIVE && now - e.postedAt() > keepFinished) {
          expired.add(kv.key);
        }
      }
    }
    // A media past its schedule is kept while a re-delivered discovery could schedule it again.
    expired.forEach(store::delete);
    forgotten.forEach(
        (id, e) -> {
          LOG.debug("Media {} is listed by no edge any more: leaves the schedule", id);
          store.put(id, e);
        });
    if (due.isEmpty()) {
      return;
    }
    List<PublicCounterFetcher.Ask> asks = plan(due, now);
    if (asks.isEmpty()) {
      return;
    }
    for (PublicCounterFetcher.Answer answer : path.fetcher().read(asks)) {
      apply(answer);
    }
  }

  private List<PublicCounterFetcher.Ask> plan(List<PublicReadPlanner.Due> due, long now) {
    Map<String, Integer> available = new HashMap<>();
    Map<String, Integer> hashtagAvailable = new HashMap<>();
    Map<String, AccessToken> tokenOf = new HashMap<>();
    for (PublicReadPlanner.Due d : due) {
      String account = d.reader().account();
      if (tokenOf.containsKey(account) || available.containsKey(account)) {
        continue;
      }
      Optional<AccessToken> token = tokens.tokenOf(account);
      available.put(account, token.isPresent() ? path.budget().available(account, now) : 0);
      hashtagAvailable.put(account, path.hashtagBudget().available(account, now));
      token.ifPresent(t -> tokenOf.put(account, t));
    }
    List<PublicCounterFetcher.Ask> asks = new ArrayList<>();
    for (PublicReadPlanner.Read read : path.planner().plan(due, available, hashtagAvailable)) {
      asks.add(new PublicCounterFetcher.Ask(read, tokenOf.get(read.account())));
    }
    return asks;
  }

  private void apply(PublicCounterFetcher.Answer answer) {
    PublicReadPlanner.Read read = answer.read();
    long now = parts.clock().millis();
    path.budget().spend(read.account(), answer.calls(), now);
    if (read.edge().hashtag()) {
      path.hashtagBudget().spend(read.account(), answer.calls(), now);
    }
    parts.metrics().calls(answer.calls());
    Reader reader = readerOf(read);
    if (!answer.listed().isSuccess()) {
      failed(read, reader, answer, now);
      return;
    }
    Map<String, Media> listed = answer.listed().value();
    long captured = answer.capturedAt().toEpochMilli();
    for (PublicEntry asked : read.entries()) {
      PublicEntry e = store.get(asked.mediaId());
      if (e == null || !e.sameProgressAs(asked)) {
        continue;
      }
      Media m = listed.get(e.mediaId());
      if (m != null) {
        MediaInsightSnapshot s =
            parts
                .reads()
                .snapshots()
                .publicCounters(
                    e,
                    m.likeCount(),
                    m.commentsCount(),
                    answer.capturedAt(),
                    path.fetcher().apiVersion());
        context.forward(new Record<>(e.mediaId(), s, captured));
        parts.metrics().snapshot(e.productType(), Duration.ofMillis(captured - e.nextDueAt()));
        parts.metrics().read("snapshot");
        OptionalLong next = path.schedule().nextDue(e.postedAt(), null, false, captured);
        store.put(
            e.mediaId(), e.snapshotTaken(captured, next.isPresent() ? next.getAsLong() : null));
      } else if (answer.complete()) {
        // The edge lists it no more: another edge may, else it leaves (a hashtag it dropped out
        // of, recent_media after 24 h, an un-tagging).
        parts.metrics().read("leave");
        store.put(e.mediaId(), e.withoutReader(reader));
      } else {
        parts.metrics().read("retry");
        store.put(e.mediaId(), e.retryLater(now + ReadOutcome.backoff(e.failures()).toMillis()));
      }
    }
  }

  private void failed(
      PublicReadPlanner.Read read, Reader reader, PublicCounterFetcher.Answer answer, long now) {
    ReadOutcome outcome = ReadOutcome.of(answer.listed().error(), 0);
    if (outcome instanceof ReadOutcome.PauseAccount p) {
      parts.metrics().read("pause");
      path.budget().blockUntil(read.account(), now + p.pause().toMillis(), now);
      if (p.cause().needsAttention()) {
        parts.metrics().accountPaused(p.cause());
        LOG.warn("Account {} paused for {}: {}", read.account(), p.pause(), p.why());
      }
      return;
    }
    for (PublicEntry asked : read.entries()) {
      PublicEntry e = store.get(asked.mediaId());
      if (e == null || !e.sameProgressAs(asked)) {
        continue;
      }
      if (outcome instanceof ReadOutcome.Leave l) {
        // This edge cannot read it (gone, refused): another edge may still.
        parts.metrics().read("leave");
        LOG.info("Media {} no longer read through {}: {}", e.mediaId(), reader, l.why());
        store.put(e.mediaId(), e.withoutReader(reader));
      } else {
        parts.metrics().read("retry");
        store.put(e.mediaId(), e.retryLater(now + ReadOutcome.backoff(e.failures()).toMillis()));
      }
    }
  }

  private static Reader readerOf(PublicReadPlanner.Read read) {
    String source =
        switch (read.edge()) {
          case TAGS -> "TAGGED";
          case MENTION -> "MENTION";
          case HASHTAG_TOP -> "HASHTAG_TOP";
          case HASHTAG_RECENT -> "HASHTAG_RECENT";
        };
    return new Reader(source, read.account(), read.hashtag());
  }
}
