package io.igpulse.enricher.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides which due media of one account are read this round when the call budget cannot cover them
 * all. Order: stories close to expiry (a missed story snapshot can never be made up), then the
 * media on the densest cadence (the young ones, whose numbers move most), fast growers first within
 * a step, then the longest overdue. What is not chosen keeps its due time and waits: it is late,
 * not dropped.
 */
public final class RefreshPlanner {

  /**
   * One due media as the planner sees it.
   *
   * @param stepMillis the cadence step of its age (feed table, also for stories)
   * @param growth what moved per hour between its last two snapshots; -1 when unknown
   */
  public record Candidate(
      String mediaId, boolean story, long dueAt, Long expiresAt, long stepMillis, double growth) {}

  private final long storyUrgencyMillis;

  /**
   * @param storyUrgencyMillis a story this close to expiry jumps the queue
   */
  public RefreshPlanner(long storyUrgencyMillis) {
    this.storyUrgencyMillis = storyUrgencyMillis;
  }

  /** The candidates to read now, at most {@code budget}, most important first. */
  public List<Candidate> plan(List<Candidate> due, long now, int budget) {
    if (budget <= 0 || due.isEmpty()) {
      return List.of();
    }
    List<Candidate> sorted = new ArrayList<>(due);
    sorted.sort(order(now));
    return List.copyOf(sorted.subList(0, Math.min(budget, sorted.size())));
  }

  private Comparator<Candidate> order(long now) {
    Comparator<Candidate> urgentFirst =
        Comparator.comparing((Candidate c) -> !urgentStory(c, now))
            .thenComparingLong(c -> urgentStory(c, now) ? c.expiresAt() : 0L);
    return urgentFirst
        .thenComparingLong(c -> effectiveStep(c, now))
        .thenComparing(Comparator.comparingDouble(Candidate::growth).reversed())
        .thenComparingLong(Candidate::dueAt)
        .thenComparing(Candidate::mediaId);
  }

  private static long effectiveStep(Candidate c, long now) {
    long step = Math.max(1, c.stepMillis());
    long overdueSteps = Math.max(0, now - c.dueAt()) / step;
    return step / (1 + overdueSteps);
  }

  private boolean urgentStory(Candidate c, long now) {
    return c.story() && c.expiresAt() != null && c.expiresAt() - now <= storyUrgencyMillis;
  }
}
