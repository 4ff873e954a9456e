package io.igpulse.benchmarks.enricher;

import io.igpulse.enricher.schedule.Cadence;
import io.igpulse.enricher.schedule.RefreshSchedule;
import io.igpulse.enricher.service.EnricherService;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.api.Endpoint;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Media;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One simulated day of normal running after the enricher has taken its first round: the simulator's
 * clock is moved from event to event (every 5 minutes, the finest grid of the cadence with stories
 * and the collector's incremental-read interval, plus each story's last slot, which lies off the
 * grid), and at each stop the harness waits until the enricher has read every media due at that
 * moment.
 *
 * <p>What is due is known exactly: the schedule is a pure function of the media and the time of its
 * last snapshot ({@link RefreshSchedule}), and with the clock frozen between stops every snapshot
 * is captured at the stop's instant. So the harness mirrors the schedule with the enricher's own
 * {@code RefreshSchedule} and waits for the service's read counter to reach the predicted count; a
 * mismatch (more reads, or fewer within a minute) aborts the day.
 *
 * <p>New media keep appearing during the day (the simulated accounts post for 14 days after the
 * world starts): the harness discovers them as the collector would with its default intervals — new
 * posts every 5 minutes ({@code OWNED_INTERVAL}), stories every 30 minutes ({@code
 * STORIES_INTERVAL}) — and publishes the {@code MediaDiscovered} records after the scheduled round
 * of that stop: the collector's polls are not in step with the enricher's ticks, so the first
 * snapshots of new media (due at once) go in requests of their own, shared by the finds of all
 * accounts made at that stop. Those first reads are counted apart ("discovery").
 */
final class SteadyStateDay {

  /** Publishes discoveries to the enricher's input topic. */
  interface Discoverer {
    void discover(List<Media> media) throws Exception;
  }

  private static final long STEP = Duration.ofMinutes(5).toMillis();
  private static final long POSTS_POLL = Duration.ofMinutes(5).toMillis();
  private static final long STORIES_POLL = Duration.ofMinutes(30).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long WAIT_NANOS = Duration.ofSeconds(60).toNanos();

  /** A media on the mirrored schedule. */
  private record Tracked(Media media, Long expiresAt, long nextDue) {}

  /** Counts of one kind of round. */
  private static final class Tally {
    long rounds;
    long snapshots;
    long requests;
    long calls;
    long batches;

    void add(Counts before, Counts after) {
      rounds++;
      snapshots += after.snapshots - before.snapshots;
      requests += after.requests - before.requests;
      calls += after.calls - before.calls;
      batches += after.batches - before.batches;
    }
  }

  /** Service and simulator counters at one moment. */
  private record Counts(long reads, long snapshots, long requests, long calls, long batches) {}

  private final Simulator sim;
  private final EnricherService service;
  private final RefreshSchedule schedule;
  private final boolean stories;
  private final Discoverer discoverer;
  private final Map<Long, Tracked> active = new HashMap<>();
  private final Map<String, Tally> tallies = new LinkedHashMap<>();
  private long expectedReads;

  SteadyStateDay(
      Simulator sim,
      EnricherService service,
      Cadence cadence,
      boolean stories,
      Discoverer discoverer) {
    this.sim = sim;
    this.service = service;
    this.schedule = new RefreshSchedule(cadence);
    this.stories = stories;
    this.discoverer = discoverer;
    for (String kind :
        List.of(
            "5-min stops (:05, :10, …: stories only)",
            "story last slots (off the grid)",
            "quarter hours (:15, :30, :45)",
            "full hours (not 00/06/12/18)",
            "6-hourly (06, 12, 18 UTC)",
            "daily (00 UTC)",
            "discovery (first read of a new find)")) {
      tallies.put(kind, new Tally());
    }
  }

  /**
   * @param firstRound the media the first round read (all at the current simulated instant)
   */
  void run(List<Media> firstRound) throws Exception {
    long t0 = sim.clock().nowMillis();
    expectedReads = counts().reads();
    for (Media m : firstRound) {
      if (!preBusiness(m)) {
        follow(m, schedule.nextDue(m.createdSec() * 1000, null, false, t0));
      }
    }
    // The collector would already know the stories live at the start of the day: warm-up, not
    // counted in the day.
    if (stories) {
      discoverAndRead(storiesCreated(t0 - DAY, t0), t0, null);
    }
    Counts dayStart = counts();
    long lastPostPoll = t0;
    long lastStoryPoll = t0;
    long t = t0;
    long newPosts = 0;
    long newStories = 0;
    long wallStart = System.nanoTime();
    while (true) {
      long next = (Math.floorDiv(t, STEP) + 1) * STEP;
      for (Tracked tr : active.values()) {
        next = Math.min(next, tr.nextDue());
      }
      if (next > t0 + DAY) {
        break;
      }
      // Counted before the clock moves: the enricher's next tick may read at once.
      Counts before = counts();
      sim.clock().set(Instant.ofEpochMilli(next));
      t = next;
      List<Tracked> due = new ArrayList<>();
      for (Tracked tr : active.values()) {
        if (tr.nextDue() <= t) {
          due.add(tr);
        }
      }
      if (!due.isEmpty()) {
        expectedReads += due.size();
        Counts after = awaitReads(t);
        tallies.get(kind(t)).add(before, after);
        for (Tracked tr : due) {
          follow(
              tr.media(),
              schedule.nextDue(tr.media().createdSec() * 1000, tr.expiresAt(), isStory(tr), t));
        }
      }
      List<Media> found = new ArrayList<>();
      if (t % POSTS_POLL == 0) {
        List<Media> posts = postsCreated(lastPostPoll, t);
        newPosts += posts.size();
        found.addAll(posts);
        lastPostPoll = t;
      }
      if (stories && t % STORIES_POLL == 0) {
        List<Media> live = storiesCreated(lastStoryPoll, t);
        newStories += live.size();
        found.addAll(live);
        lastStoryPoll = t;
      }
      if (!found.isEmpty()) {
        discoverAndRead(found, t, tallies.get("discovery (first read of a new find)"));
      }
    }
    sim.clock().set(Instant.ofEpochMilli(t0 + DAY));
    report(t0, dayStart, counts(), newPosts, newStories, (System.nanoTime() - wallStart) / 1e9);
  }

  /** Publishes finds made at {@code t} and waits for their first reads (due at once). */
  private void discoverAndRead(List<Media> found, long t, Tally tally) throws Exception {
    Counts before = counts();
    discoverer.discover(found);
    List<Media> read = new ArrayList<>();
    for (Media m : found) {
      if (schedule.firstDue(m.createdSec() * 1000, expiresAt(m), m.isStory(), t).isPresent()) {
        read.add(m);
      }
    }
    if (read.isEmpty()) {
      return;
    }
    expectedReads += read.size();
    Counts after = awaitReads(t);
    if (tally != null) {
      tally.add(before, after);
    }
    for (Media m : read) {
      if (!preBusiness(m)) {
        follow(m, schedule.nextDue(m.createdSec() * 1000, expiresAt(m), m.isStory(), t));
      }
    }
  }

  private void follow(Media m, OptionalLong next) {
    if (next.isPresent()) {
      active.put(m.id(), new Tracked(m, expiresAt(m), next.getAsLong()));
    } else {
      active.remove(m.id());
    }
  }

  /**
   * Polls the service's read counter (every outcome: snapshot, retry, leave, pause) until it
   * reaches the predicted count; fails on more reads than predicted or on none for a minute.
   */
  private Counts awaitReads(long t) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (true) {
      Counts c = counts();
      if (c.reads() > expectedReads) {
        throw new IllegalStateException(
            "at "
                + Instant.ofEpochMilli(t)
                + ": "
                + c.reads()
                + " reads, predicted "
                + expectedReads);
      }
      if (c.reads() == expectedReads) {
        return c;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "at "
                + Instant.ofEpochMilli(t)
                + ": only "
                + c.reads()
                + " reads after 60 s, predicted "
                + expectedReads);
      }
      Thread.sleep(10);
    }
  }

  private Counts counts() {
    long reads =
        (long)
            service.registry().find("igpulse.enricher.media.reads").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    return new Counts(
        reads,
        service.metrics().snapshots(),
        EnricherThroughput.requests(service),
        sim.stats().total(),
        sim.stats().calls(Endpoint.BATCH));
  }

  private static String kind(long t) {
    ZonedDateTime at = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
    if (t % STEP != 0) {
      return "story last slots (off the grid)";
    }
    if (at.getMinute() % 15 != 0) {
      return "5-min stops (:05, :10, …: stories only)";
    }
    if (at.getMinute() != 0) {
      return "quarter hours (:15, :30, :45)";
    }
    if (at.getHour() % 6 != 0) {
      return "full hours (not 00/06/12/18)";
    }
    return at.getHour() == 0 ? "daily (00 UTC)" : "6-hourly (06, 12, 18 UTC)";
  }

  private boolean preBusiness(Media m) {
    Account a = sim.world().account(m.account());
    return m.createdSec() < a.businessSinceSec();
  }

  private static boolean isStory(Tracked tr) {
    return tr.media().isStory();
  }

  private static Long expiresAt(Media m) {
    return m.isStory() ? (m.createdSec() + Media.STORY_LIFETIME_SEC) * 1000 : null;
  }

  /** Feed posts created in {@code (from, to]}, as the incremental read finds them. */
  private List<Media> postsCreated(long from, long to) {
    List<Media> out = new ArrayList<>();
    for (int a = 0; a < sim.world().accountCount(); a++) {
      int visible = sim.world().schedule(a).postsVisibleAt(to / 1000);
      for (int ord = visible - 1; ord >= 0; ord--) {
        Media m = sim.world().post(a, ord);
        if (m.createdSec() * 1000 <= from) {
          break;
        }
        out.add(m);
      }
    }
    return out;
  }

  /** Stories created in {@code (from, to]} and still live at {@code to}. */
  private List<Media> storiesCreated(long from, long to) {
    List<Media> out = new ArrayList<>();
    for (int a = 0; a < sim.world().accountCount(); a++) {
      int created = sim.world().schedule(a).storiesCreatedBy(to / 1000);
      for (int k = created - 1; k >= 0; k--) {
        Media m = sim.world().story(a, k);
        if (m.createdSec() * 1000 <= from) {
          break;
        }
        if (m.isLiveAt(to / 1000)) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private void report(
      long t0, Counts start, Counts end, long newPosts, long newStories, double wallSeconds) {
    long snapshots = end.snapshots() - start.snapshots();
    long requests = end.requests() - start.requests();
    long batches = end.batches() - start.batches();
    long calls = end.calls() - start.calls() - batches;
    System.out.printf(
        "steady state, %s → %s (%s; %d tracked media at the end), %.1f s wall:%n"
            + "  new during the day: %d posts, %d stories (discovered every 5 min / 30 min)%n"
            + "  whole day: %d snapshots, %d HTTP requests = %.4f requests/snapshot; simulator:"
            + " %d Graph API calls (batch items and single reads) in %d batch requests ="
            + " %.4f calls/snapshot%n",
        Instant.ofEpochMilli(t0),
        Instant.ofEpochMilli(t0 + DAY),
        stories ? "feed posts and stories" : "feed posts only",
        active.size(),
        wallSeconds,
        newPosts,
        newStories,
        snapshots,
        requests,
        requests / (double) Math.max(1, snapshots),
        calls,
        batches,
        calls / (double) Math.max(1, snapshots));
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally k = e.getValue();
      if (k.rounds == 0) {
        continue;
      }
      System.out.printf(
          "  %-40s %4d rounds, %6d snapshots, %5d HTTP requests = %.4f requests/snapshot,"
              + " %6d Graph API calls%n",
          e.getKey(),
          k.rounds,
          k.snapshots,
          k.requests,
          k.requests / (double) Math.max(1, k.snapshots),
          k.calls - k.batches);
    }
    System.out.println("  simulator stats: " + sim.stats().toJson());
  }
}
