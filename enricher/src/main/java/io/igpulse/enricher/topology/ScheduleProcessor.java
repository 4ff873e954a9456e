package io.igpulse.enricher.topology;

import io.igpulse.enricher.fetch.AccountInsightsFetcher;
import io.igpulse.enricher.fetch.InsightFetcher;
import io.igpulse.enricher.schedule.MediaState;
import io.igpulse.enricher.schedule.PublicPaths;
import io.igpulse.enricher.schedule.RefreshPlanner;
import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.enricher.snapshot.ReadOutcome;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.model.MediaKind;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Keeps the media of the accounts this task owns on their refresh schedule and takes the due
 * snapshots. Discoveries (keyed by account) enter or update the {@code refresh-schedule} store; a
 * wall-clock punctuator finds what is due per account, plans it under the account's call budget and
 * asks the thread's {@link SharedReads} for it (which batches the reads of every task of the thread
 * together), then forwards the snapshots of the answered reads together with the store updates, all
 * in the task's exactly-once transaction: a crash before the commit aborts both, and the media are
 * due again after the restart.
 */
final class ScheduleProcessor
    implements Processor<String, DiscoveredMedia, String, SpecificRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleProcessor.class);

  /** How long past the end of its schedule a finished media's entry is kept. */
  static final long FINISHED_GRACE_MS = Duration.ofDays(1).toMillis();

  private final Enrichment parts;
  private final ThreadLocal<SharedReads> reads;
  private String task;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, ScheduleEntry> schedule;
  private KeyValueStore<String, Long> accountDays;

  private AccountTokens tokens;

  ScheduleProcessor(Enrichment parts, ThreadLocal<SharedReads> reads) {
    this.parts = parts;
    this.reads = reads;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.schedule = context.getStateStore(StoreNames.SCHEDULE);
    this.accountDays = context.getStateStore(StoreNames.ACCOUNT_DAYS);
    this.tokens =
        new AccountTokens(context.getStateStore(StoreNames.ACCOUNTS), parts.reads().tokens());
    this.task = context.taskId().toString();
    // Answers held for an earlier life of this task here describe a store that has moved on since.
    reads.get().forget(task);
    context.schedule(parts.plan().tick(), PunctuationType.WALL_CLOCK_TIME, this::round);
  }

  @Override
  public void process(Record<String, DiscoveredMedia> record) {
    DiscoveredMedia d = record.value();
    if (!PublicPaths.readWithInsights(d.source())) {
      // Another account's media (written here by an earlier version): the public path reads it.
      return;
    }
    String key = StoreNames.scheduleKey(d.account(), d.mediaId());
    ScheduleEntry known = schedule.get(key);
    if (known != null) {
      if (!known.sources().contains(d.source()) || !known.hashtags().containsAll(d.hashtags())) {
        schedule.put(key, known.withSource(d.source(), d.hashtags()));
      }
      return;
    }
    boolean story = "STORY".equals(d.productType());
    OptionalLong first =
        parts
            .plan()
            .schedule()
            .firstDue(d.postedAt(), d.expiresAt(), story, parts.clock().millis());
    schedule.put(
        key,
        ScheduleEntry.fresh(
            d.account(),
            d.mediaId(),
            d.ownerId(),
            d.mediaType(),
            d.productType(),
            d.postedAt(),
            d.expiresAt(),
            d.hashtags(),
            Set.of(d.source()),
            first.isPresent() ? MediaState.ACTIVE : MediaState.DONE,
            first.orElse(d.postedAt())));
  }

  @Override
  public void close() {
    // The task moves away (rebalance) or the instance stops: its media no longer count here.
    parts.metrics().forgetTask(task);
    reads.get().forget(task);
  }

  /**
   * One round: the answers the shared reads hold for this task, then every account of this task
   * with due media asks for them, the thread's held reads go out if this is the first round of a
   * punctuation pass (and this task's answers are applied at once), then the daily account
   * insights.
   */
  private void round(long wall) {
    SharedReads shared = reads.get();
    applyAnswered(shared);
    long now = parts.clock().millis();
    Map<String, List<ScheduleEntry>> dueByAccount = new TreeMap<>();
    Set<String> accountsSeen = new TreeSet<>();
    long dueCount = 0;
    List<String> expired = new ArrayList<>();
    List<String> notOwned = new ArrayList<>();
    long keepFinished = parts.plan().schedule().cadence().maxAge().toMillis() + FINISHED_GRACE_MS;
    try (KeyValueIterator<String, ScheduleEntry> all = schedule.all()) {
      while (all.hasNext()) {
        KeyValue<String, ScheduleEntry> kv = all.next();
        ScheduleEntry e = kv.value;
        accountsSeen.add(e.account());
        if (!e.readWithInsights()) {
          // Kept by an earlier version, which read insights of media found through tags, mentions
          // and hashtags; only the owner may read those, so they leave this schedule.
          notOwned.add(kv.key);
          continue;
        }
        if (e.isDueAt(now) && !shared.inFlight(task, kv.key)) {
          dueByAccount.computeIfAbsent(e.account(), a -> new ArrayList<>()).add(e);
          dueCount++;
        } else if (e.state() != MediaState.ACTIVE && now - e.postedAt() > keepFinished) {
          expired.add(kv.key);
        }
      }
    }
    // A finished media is kept while a re-delivered discovery could still schedule it again; past
    // its schedule's end a re-discovery is recognised as too old anyway, so the entry can go.
    expired.forEach(schedule::delete);
    if (!notOwned.isEmpty()) {
      LOG.info(
          "{} media of other accounts leave the insights schedule of task {}",
          notOwned.size(),
          task);
      notOwned.forEach(schedule::delete);
    }
    parts.metrics().due(task, dueCount);
    for (Map.Entry<String, List<ScheduleEntry>> account : dueByAccount.entrySet()) {
      askFor(shared, account.getKey(), account.getValue(), now, wall);
    }
    shared.sendHeld(wall);
    applyAnswered(shared);
    if (parts.reads().accountInsights()) {
      Instant since =
          AccountInsightsFetcher.lastCompleteDayStart(
              Instant.ofEpochMilli(now), AccountInsightsFetcher.API_DAY_END);
      for (String account : accountsSeen) {
        accountDay(account, since, now);
      }
    }
  }

  /** Plans an account's due media under its budget and asks the shared reads for them. */
  private void askFor(
      SharedReads shared, String account, List<ScheduleEntry> due, long now, long wall) {
    Optional<AccessToken> token = tokenOf(account);
    if (token.isEmpty()) {
      return;
    }
    int budget = parts.plan().budget().available(account, now);
    List<RefreshPlanner.Candidate> candidates = new ArrayList<>(due.size());
    Map<String, ScheduleEntry> byId = new HashMap<>();
    for (ScheduleEntry e : due) {
      byId.put(e.mediaId(), e);
      candidates.add(
          new RefreshPlanner.Candidate(
              e.mediaId(),
              e.isStory(),
              e.nextDueAt(),
              e.expiresAt(),
              parts.plan().schedule().priorityStep(e.postedAt(), now).toMillis(),
              e.growthPerHour()));
    }
    List<ScheduleEntry> chosen =
        parts.plan().planner().plan(candidates, now, budget).stream()
            .map(c -> byId.get(c.mediaId()))
            .toList();
    if (chosen.isEmpty()) {
      return;
    }
    int calls = 0;
    for (ScheduleEntry e : chosen) {
      InsightFetcher.Request request =
          new InsightFetcher.Request(token.get(), account, e, isLastStoryRead(e, now));
      shared.ask(task, StoreNames.scheduleKey(account, e.mediaId()), request, wall);
      calls += request.calls();
    }
    parts.plan().budget().spend(account, calls, now);
    parts.metrics().calls(calls);
    parts.metrics().quotaUsed(account, parts.plan().budget().used(account, now));
  }

  /** Whether a read now is the story's last before it expires (no slot follows it). */
  private boolean isLastStoryRead(ScheduleEntry e, long now) {
    return e.isStory()
        && parts.plan().schedule().nextDue(e.postedAt(), e.expiresAt(), true, now).isEmpty();
  }

  /**
   * Applies this task's answered reads to the entries as they are now. An entry that changed its
   * schedule since it was asked for (a newer life of this task read it meanwhile) keeps that state,
   * and the answer is dropped rather than published twice.
   */
  private void applyAnswered(SharedReads shared) {
    List<SharedReads.Read> answered = shared.take(task);
    if (answered.isEmpty()) {
      return;
    }
    long now = parts.clock().millis();
    for (SharedReads.Read read : answered) {
      ScheduleEntry asked = read.asked();
      ScheduleEntry current =
          schedule.get(StoreNames.scheduleKey(asked.account(), asked.mediaId()));
      if (current == null || !current.sameProgressAs(asked)) {
        LOG.debug(
            "Media {} of {} changed while read: answer dropped", asked.mediaId(), asked.account());
        continue;
      }
      apply(current, read, now);
    }
  }

  private void apply(ScheduleEntry e, SharedReads.Read read, long now) {
    GraphResult<MediaInsights> result = read.result();
    Instant capturedAt = read.capturedAt();
    String key = StoreNames.scheduleKey(e.account(), e.mediaId());
    ReadOutcome outcome = ReadOutcome.of(result.error(), e.failures());
    if (outcome instanceof ReadOutcome.Snapshot s) {
      MediaKind kind = InsightFetcher.kindOf(e);
      MediaInsightSnapshot snapshot =
          parts
              .reads()
              .snapshots()
              .build(
                  e,
                  result.isSuccess() ? result.value().values() : Map.of(),
                  parts.reads().media().asked(kind),
                  parts.reads().media().offered(kind),
                  s.missing(),
                  result.isSuccess() ? null : result.error().describe(),
                  capturedAt,
                  parts.reads().media().apiVersion());
      context.forward(new Record<>(e.mediaId(), snapshot, capturedAt.toEpochMilli()));
      long captured = capturedAt.toEpochMilli();
      parts.metrics().snapshot(e.productType(), Duration.ofMillis(captured - e.nextDueAt()));
      parts.metrics().read("snapshot");
      Long progress = progress(snapshot);
      ScheduleEntry next =
          e.snapshotTaken(
              captured,
              progress,
              parts.plan().schedule().nextDue(e.postedAt(), e.expiresAt(), e.isStory(), captured));
      schedule.put(key, read.crossPosted().map(next::withCrossPosted).orElse(next));
    } else if (outcome instanceof ReadOutcome.Retry r) {
      parts.metrics().read("retry");
      LOG.debug(
          "Media {} of {} stays due, retry in {}: {}",
          e.mediaId(),
          e.account(),
          r.backoff(),
          r.why());
      schedule.put(key, e.retryLater(now + r.backoff().toMillis()));
    } else if (outcome instanceof ReadOutcome.PauseAccount p) {
      parts.metrics().read("pause");
      pause(e.account(), p, now);
    } else if (outcome instanceof ReadOutcome.Leave l) {
      parts.metrics().read("leave");
      LOG.info(
          "Media {} of {} leaves the schedule as {}: {}",
          e.mediaId(),
          e.account(),
          l.state(),
          l.why());
      schedule.put(key, e.leave(l.state()));
    }
  }

  /** Reach + engagement: what "moves" for the planner's fast-grower signal. */
  private static Long progress(MediaInsightSnapshot s) {
    Long reach = s.getMetrics().get("reach");
    Long engagement = s.getEngagement();
    if (reach == null && engagement == null) {
      return null;
    }
    return (reach == null ? 0 : reach) + (engagement == null ? 0 : engagement);
  }

  /** The account's insights for the last complete day ({@code since}), once. */
  private void accountDay(String account, Instant since, long now) {
    Long last = accountDays.get(account);
    if (last != null && last >= since.toEpochMilli()) {
      return;
    }
    Optional<AccessToken> token = tokenOf(account);
    if (token.isEmpty()
        || parts.plan().budget().available(account, now) < AccountInsightsFetcher.CALLS_PER_DAY) {
      return;
    }
    LocalDate day = since.atOffset(ZoneOffset.UTC).toLocalDate();
    AccountInsightsFetcher.Result result =
        parts.reads().accounts().read(token.get(), account, since, day);
    parts.plan().budget().spend(account, AccountInsightsFetcher.CALLS_PER_DAY, now);
    if (result.snapshot() != null) {
      AccountInsightSnapshot s = result.snapshot();
      context.forward(new Record<>(account, s, s.getCapturedAt().toEpochMilli()));
      accountDays.put(account, since.toEpochMilli());
      parts.metrics().accountSnapshot();
    } else {
      ReadOutcome outcome = ReadOutcome.of(result.stop(), 0);
      if (outcome instanceof ReadOutcome.PauseAccount p) {
        pause(account, p, now);
      }
    }
  }

  /** The account's reads stop until the pause ends; a refused token is reported as failing. */
  private void pause(String account, ReadOutcome.PauseAccount p, long now) {
    parts.plan().budget().blockUntil(account, now + p.pause().toMillis(), now);
    if (p.cause().needsAttention()) {
      parts.metrics().accountPaused(p.cause());
      LOG.warn("Account {} paused for {}: {}", account, p.pause(), p.why());
    }
  }

  private Optional<AccessToken> tokenOf(String account) {
    return tokens.tokenOf(account);
  }
}
