package io.igpulse.enricher.topology;

import io.igpulse.enricher.fetch.InsightFetcher;
import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.outcome.GraphResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The reads every task of one stream thread asks for, sent together: one batch request carries up
 * to 50 media of any accounts and any tasks, so small accounts no longer cost a request each per
 * round.
 *
 * <p>Each task asks for its due media in its own punctuation. Reads wait here for half a tick: the
 * tasks of a thread punctuate in one pass, one tick apart, so the first punctuation of the next
 * pass sends what every task asked in the previous one, in one request per 50, and every task takes
 * its own answers back in its next punctuation (the one that sent, at once). A read is thus sent
 * one tick after it fell due, which is small against the finest cadence step (5 minutes). A task
 * only forwards snapshots of its own media, in its own punctuation, so every snapshot still commits
 * with its schedule update in that task's transaction; answers held here are memory only, and a
 * crash or a task moving away before they are taken loses nothing but the calls: the media stay due
 * in the store and are read again.
 *
 * <p>Not thread-safe by design: one instance per stream thread (a thread-local made by {@link
 * EnricherTopology}), since a task and its punctuations stay on one thread.
 */
final class SharedReads {

  /**
   * A read answered for a task: the entry as it was asked for, its result, the capture time, and
   * whether its reel turned out cross-posted (empty when not learned).
   */
  record Read(
      ScheduleEntry asked,
      GraphResult<MediaInsights> result,
      Instant capturedAt,
      Optional<Boolean> crossPosted) {}

  private record Asked(String task, InsightFetcher.Request request, long askedAt) {}

  private final Function<List<InsightFetcher.Request>, InsightFetcher.Answer> reader;
  private final long holdMs;
  private final int maxPerSend;
  private final List<Asked> asked = new ArrayList<>();
  private final Map<String, List<Read>> answered = new HashMap<>();
  private final Map<String, Set<String>> inFlight = new HashMap<>();

  /**
   * @param reader reads a list of requests (one batch per 50, whatever the accounts)
   * @param tickMs the punctuation interval; reads are held for half of it
   * @param maxPerSend at most this many reads per send, so one punctuation stays short; the rest
   *     waits for the next send, first asked first sent
   */
  SharedReads(
      Function<List<InsightFetcher.Request>, InsightFetcher.Answer> reader,
      long tickMs,
      int maxPerSend) {
    if (tickMs < 1 || maxPerSend < 1) {
      throw new IllegalArgumentException("tick and reads per send must be >= 1");
    }
    this.reader = reader;
    this.holdMs = tickMs / 2;
    this.maxPerSend = maxPerSend;
  }

  /** Whether a media of this task is asked for or answered and not yet taken. */
  boolean inFlight(String task, String scheduleKey) {
    Set<String> keys = inFlight.get(task);
    return keys != null && keys.contains(scheduleKey);
  }

  void ask(String task, String scheduleKey, InsightFetcher.Request request, long wallMs) {
    if (!inFlight.computeIfAbsent(task, t -> new HashSet<>()).add(scheduleKey)) {
      return;
    }
    asked.add(new Asked(task, request, wallMs));
  }

  /**
   * Sends the reads asked for at least half a tick before {@code wallMs} (up to the per-send
   * maximum); reads asked since wait for the next punctuation pass.
   *
   * @return the number of reads sent
   */
  int sendHeld(long wallMs) {
    int ready = 0;
    while (ready < asked.size()
        && ready < maxPerSend
        && asked.get(ready).askedAt() <= wallMs - holdMs) {
      ready++;
    }
    if (ready == 0) {
      return 0;
    }
    List<Asked> sending = new ArrayList<>(asked.subList(0, ready));
    asked.subList(0, ready).clear();
    InsightFetcher.Answer answer = reader.apply(sending.stream().map(Asked::request).toList());
    for (int i = 0; i < sending.size(); i++) {
      Asked a = sending.get(i);
      answered
          .computeIfAbsent(a.task(), t -> new ArrayList<>())
          .add(
              new Read(
                  a.request().entry(),
                  answer.results().get(i),
                  answer.capturedAt(),
                  answer.crossPosted().get(i)));
    }
    return sending.size();
  }

  /** The task's answered reads, handed over once; their media are no longer in flight. */
  List<Read> take(String task) {
    List<Read> reads = answered.remove(task);
    if (reads == null) {
      return List.of();
    }
    Set<String> keys = inFlight.get(task);
    for (Read r : reads) {
      keys.remove(StoreNames.scheduleKey(r.asked().account(), r.asked().mediaId()));
    }
    return reads;
  }

  /** Drops everything of a task that starts or stops here: its store is no longer ours to judge. */
  void forget(String task) {
    asked.removeIf(a -> a.task().equals(task));
    answered.remove(task);
    inFlight.remove(task);
  }

  /** Reads asked for and not sent yet, all tasks together. */
  int waiting() {
    return asked.size();
  }
}
