package io.igpulse.enricher.topology;

import io.igpulse.enricher.fetch.PublicCounterFetcher;
import io.igpulse.enricher.schedule.CallBudget;
import io.igpulse.enricher.schedule.PublicReadPlanner;
import io.igpulse.enricher.schedule.RefreshSchedule;

/**
 * The parts of the public-counter path (media igpulse does not own): its cadence, its own call
 * budget per account (a share of the account's), its share of the 200-per-hour hashtag-endpoint
 * limit per account, the planner and the edge reader. Thread-safe or immutable.
 */
public record PublicCounters(
    RefreshSchedule schedule,
    CallBudget budget,
    CallBudget hashtagBudget,
    PublicReadPlanner planner,
    PublicCounterFetcher fetcher) {}
