package io.igpulse.benchmarks.enricher;

import io.igpulse.enricher.schedule.Cadence;
import io.igpulse.enricher.schedule.CallBudget;
import io.igpulse.enricher.schedule.MediaState;
import io.igpulse.enricher.schedule.RefreshPlanner;
import io.igpulse.enricher.schedule.RefreshSchedule;
import io.igpulse.enricher.schedule.ScheduleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Freshness under a quota that covers only part of the naive schedule — a planner-level simulation
 * (no broker, no HTTP): the enricher's own {@link RefreshSchedule}, {@link RefreshPlanner} and
 * {@link CallBudget} run minute by minute over simulated weeks for one account that posts at a
 * steady rate (plus stories), with engagement following a saturating curve per media (different
 * virality, so growth differs). The quota is a fraction of what the naive schedule asks in steady
 * state. Figure: for every grid slot of a media younger than 48 h, the delay until the first
 * snapshot taken at or after it; median and p90 against that slot's cadence step. Also: how many
 * last-story snapshots were taken, and the share of old-media slots served.
 *
 * <p>Args: {@code [quotaFraction=0.5] [postsPerDay=12] [storiesPerDay=2] [days=40]}.
 */
public final class FreshnessUnderQuota {

  private static final long MIN = 60_000L;
  private static final long HOUR = 60 * MIN;
  private static final long DAY = 24 * HOUR;

  public static void main(String[] args) {
    double fraction = args.length > 0 ? Double.parseDouble(args[0]) : 0.5;
    int postsPerDay = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    int storiesPerDay = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int days = args.length > 3 ? Integer.parseInt(args[3]) : 40;
    Cadence cadence = Cadence.defaults();
    RefreshSchedule schedule = new RefreshSchedule(cadence);
    RefreshPlanner planner = new RefreshPlanner(30 * MIN);
    long storySnapshots =
        (DAY - cadence.storyLastBefore().toMillis()) / cadence.storyStep().toMillis() + 1;
    double naivePerHour =
        (postsPerDay * cadence.snapshotsPerMedia() + storiesPerDay * storySnapshots) / 24.0;
    int quotaPerHour = (int) Math.round(naivePerHour * fraction);
    CallBudget budget = new CallBudget(quotaPerHour, Math.max(1, quotaPerHour / 4));
    Random random = new Random(42);

    Map<String, ScheduleEntry> entries = new TreeMap<>();
    Map<String, double[]> curves = new HashMap<>();
    Map<String, List<Long>> captures = new HashMap<>();
    long measureFrom = (days - 10) * DAY;
    long postEvery = DAY / postsPerDay;
    long storyEvery = storiesPerDay == 0 ? Long.MAX_VALUE : DAY / storiesPerDay;
    long served = 0;
    for (long now = 0; now < days * DAY; now += MIN) {
      if (now % postEvery == 0) {
        add(entries, curves, random, "p" + now, "FEED", now, null, schedule, now);
      }
      if (now % storyEvery == 7 * MIN % storyEvery) {
        add(entries, curves, random, "s" + now, "STORY", now, now + DAY, schedule, now);
      }
      List<RefreshPlanner.Candidate> due = new ArrayList<>();
      for (ScheduleEntry e : entries.values()) {
        if (e.isDueAt(now)) {
          due.add(
              new RefreshPlanner.Candidate(
                  e.mediaId(),
                  e.isStory(),
                  e.nextDueAt(),
                  e.expiresAt(),
                  schedule.priorityStep(e.postedAt(), now).toMillis(),
                  e.growthPerHour()));
        }
      }
      for (RefreshPlanner.Candidate c : planner.plan(due, now, budget.available("a", now))) {
        ScheduleEntry e = entries.get(c.mediaId());
        double[] curve = curves.get(c.mediaId());
        long progress = (long) (curve[0] * (1 - Math.exp(-(now - e.postedAt()) / curve[1])));
        OptionalLong next = schedule.nextDue(e.postedAt(), e.expiresAt(), e.isStory(), now);
        entries.put(c.mediaId(), e.snapshotTaken(now, progress, next));
        captures.computeIfAbsent(c.mediaId(), k -> new ArrayList<>()).add(now);
        budget.spend("a", 1, now);
        served++;
      }
      entries.values().removeIf(e -> e.state() != MediaState.ACTIVE);
    }

    List<Double> young = new ArrayList<>();
    List<Double> youngSteps = new ArrayList<>();
    long oldSlots = 0;
    long oldServed = 0;
    long stories = 0;
    long lastStoryShots = 0;
    for (Map.Entry<String, List<Long>> m : captures.entrySet()) {
      boolean story = m.getKey().startsWith("s");
      long posted = Long.parseLong(m.getKey().substring(1));
      Long expires = story ? posted + DAY : null;
      List<Long> shots = m.getValue();
      if (story) {
        if (posted >= measureFrom && expires <= days * DAY) {
          stories++;
          long last = expires - cadence.storyLastBefore().toMillis();
          if (shots.stream().anyMatch(t -> t >= last)) {
            lastStoryShots++;
          }
        }
        continue;
      }
      for (long slot : gridSlots(schedule, posted)) {
        if (slot < measureFrom || slot >= (days * DAY) - DAY) {
          continue;
        }
        long step = schedule.stepOf(posted, false, slot).toMillis();
        Long first = shots.stream().filter(t -> t >= slot).findFirst().orElse(null);
        if (slot - posted < 48 * HOUR) {
          double delay = first == null ? Double.MAX_VALUE : (first - slot) / (double) MIN;
          young.add(delay);
          youngSteps.add(first == null ? Double.MAX_VALUE : delay / (step / (double) MIN));
        } else {
          oldSlots++;
          if (first != null && first - slot < step) {
            oldServed++;
          }
        }
      }
    }
    double[] delays = young.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] ratios = youngSteps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        "planner-level simulation: %d days, %d posts/day, %d stories/day, naive schedule %.1f calls/h,"
            + " quota %d calls/h (%.0f %%), %d snapshots taken%n"
            + "media < 48 h: %d due slots, delay median %s min (p90 %s min); delay / cadence step:"
            + " median %s, p90 %s (\"never\" = no later snapshot at all)%n"
            + "media >= 48 h: %.0f %% of slots served within one step (they wait by design)%n"
            + "stories: %d of %d got their last snapshot before expiry%n",
        days,
        postsPerDay,
        storiesPerDay,
        naivePerHour,
        quotaPerHour,
        fraction * 100,
        served,
        delays.length,
        show(percentile(delays, 0.5)),
        show(percentile(delays, 0.9)),
        show(percentile(ratios, 0.5)),
        show(percentile(ratios, 0.9)),
        oldSlots == 0 ? 0.0 : 100.0 * oldServed / oldSlots,
        lastStoryShots,
        stories);
  }

  private static void add(
      Map<String, ScheduleEntry> entries,
      Map<String, double[]> curves,
      Random random,
      String id,
      String product,
      long posted,
      Long expires,
      RefreshSchedule schedule,
      long now) {
    OptionalLong first = schedule.firstDue(posted, expires, "STORY".equals(product), now);
    entries.put(
        id,
        ScheduleEntry.fresh(
            "a",
            id,
            "a",
            "IMAGE",
            product,
            posted,
            expires,
            List.of(),
            Set.of("OWNED"),
            MediaState.ACTIVE,
            first.orElse(posted)));
    // Ceiling spread over two orders of magnitude (virality); time constant 3 h (stories) or 8 h.
    double ceiling = 1_000 * Math.pow(10, 2 * random.nextDouble());
    curves.put(id, new double[] {ceiling, ("STORY".equals(product) ? 3 : 8) * HOUR});
  }

  private static List<Long> gridSlots(RefreshSchedule schedule, long posted) {
    List<Long> slots = new ArrayList<>();
    OptionalLong t = schedule.firstDue(posted, null, false, posted);
    while (t.isPresent()) {
      slots.add(t.getAsLong());
      t = schedule.nextDue(posted, null, false, t.getAsLong());
    }
    return slots;
  }

  private static String show(double v) {
    return v >= Double.MAX_VALUE / 1e6 ? "never" : String.format("%.2f", v);
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }
}
