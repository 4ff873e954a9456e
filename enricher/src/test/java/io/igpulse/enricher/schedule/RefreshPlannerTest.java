package io.igpulse.enricher.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.enricher.schedule.RefreshPlanner.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshPlannerTest {

  private static final long MIN = 60_000L;
  private static final long NOW = 1_000_000_000_000L;
  private final RefreshPlanner planner = new RefreshPlanner(30 * MIN);

  @Test
  void shouldTakeEverythingWhenTheBudgetCoversIt() {
    List<Candidate> due = List.of(feed("a", 60, 1), feed("b", 15, 1));
    assertThat(planner.plan(due, NOW, 10)).extracting(Candidate::mediaId).containsExactly("b", "a");
  }

  @Test
  void shouldServeStoriesAboutToExpireBeforeAnythingElse() {
    Candidate expiring = new Candidate("story", true, NOW - MIN, NOW + 10 * MIN, 5 * MIN, 0);
    Candidate young = feed("young", 15, 1000);
    assertThat(planner.plan(List.of(young, expiring), NOW, 1))
        .extracting(Candidate::mediaId)
        .containsExactly("story");
  }

  @Test
  void shouldPreferYoungMediaAndThenFastGrowersAndLetOldMediaWait() {
    List<Candidate> due =
        List.of(
            feed("old", 24 * 60, 5000),
            feed("slow", 60, 2),
            feed("fast", 60, 900),
            feed("baby", 15, 0));
    assertThat(planner.plan(due, NOW, 3))
        .extracting(Candidate::mediaId)
        .containsExactly("baby", "fast", "slow");
  }

  @Test
  void shouldPromoteAMediaOverdueByWholeStepsSoOldMediaNeverStarve() {
    // A six-hourly media overdue by a day (4 steps) ranks like a 72-min step, still after an
    // hourly one; overdue by two days (8 steps) like a 40-min step: ahead of it.
    Candidate old = new Candidate("old", false, NOW - 24 * 60 * MIN, null, 6 * 60 * MIN, 0);
    Candidate hourly = feed("hourly", 60, 5);
    assertThat(planner.plan(List.of(hourly, old), NOW, 1))
        .extracting(Candidate::mediaId)
        .containsExactly("hourly");
    Candidate older = new Candidate("older", false, NOW - 48 * 60 * MIN, null, 6 * 60 * MIN, 0);
    assertThat(planner.plan(List.of(hourly, older), NOW, 1))
        .extracting(Candidate::mediaId)
        .containsExactly("older");
  }

  @Test
  void shouldPlanNothingWithoutBudget() {
    assertThat(planner.plan(List.of(feed("a", 15, 1)), NOW, 0)).isEmpty();
  }

  private static Candidate feed(String id, long stepMinutes, double growth) {
    return new Candidate(id, false, NOW - MIN, null, stepMinutes * MIN, growth);
  }
}
