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
 * The parts the schedule processor works with: decisions (schedule, planner, budget, builder) and
 * the edges (fetchers, tokens, clock, meters). Built once per service and shared by its stream
 * threads; every part is thread-safe or immutable.
 *
 * @param maxReadsPerTick media read at most per tick and stream thread (one punctuation's work)
 * @param publicCounters the path of media igpulse does not own (public counters through edges)
 */
public record Enrichment(
    RefreshSchedule schedule,
    RefreshPlanner planner,
    CallBudget budget,
    SnapshotBuilder snapshots,
    InsightFetcher fetcher,
    AccountInsightsFetcher accountFetcher,
    TokenProvider tokens,
    Clock clock,
    EnricherMetrics metrics,
    Duration tick,
    boolean accountInsights,
    int maxReadsPerTick,
    PublicCounters publicCounters) {}
