package io.igpulse.enricher.topology;

import io.igpulse.enricher.fetch.AccountInsightsFetcher;
import io.igpulse.enricher.fetch.InsightFetcher;
import io.igpulse.enricher.metrics.EnricherMetrics;
import io.igpulse.enricher.schedule.CallBudget;
import io.igpulse.enricher.schedule.RefreshPlanner;
import io.igpulse.enricher.schedule.RefreshSchedule;
import io.igpulse.enricher.snapshot.SnapshotBuilder;
import io.igpulse.graphapi.token.TokenProvider;
import java.time.Clock;
import java.time.Duration;

/**
 * The parts the schedule processors work with: when to read ({@link Plan}), how ({@link Reads}),
 * the clock and meters, and the path of media igpulse does not own ({@link PublicCounters}). Built
 * once per service and shared by its stream threads; every part is thread-safe or immutable.
 */
public record Enrichment(
    Plan plan, Reads reads, Clock clock, EnricherMetrics metrics, PublicCounters publicCounters) {

  /**
   * When media are due and how much is read at once.
   *
   * @param tick how often each stream thread looks for due media (one punctuation)
   * @param maxReadsPerTick media read at most per tick and stream thread
   */
  public record Plan(
      RefreshSchedule schedule,
      RefreshPlanner planner,
      CallBudget budget,
      Duration tick,
      int maxReadsPerTick) {}

  /**
   * How insights are read and turned into snapshots.
   *
   * @param media the owned media's insights (batched)
   * @param accounts account insights, read only when {@code accountInsights} is on
   */
  public record Reads(
      InsightFetcher media,
      AccountInsightsFetcher accounts,
      boolean accountInsights,
      SnapshotBuilder snapshots,
      TokenProvider tokens) {}
}
