package io.igpulse.aggregator.topology.trend;

/**
 * A hashtag's scored window on its way to the per-window ranking (internal, JSON on the repartition
 * topic).
 */
public record ScoredHashtag(
    String hashtag,
    long windowStart,
    long windowEnd,
    long engagement,
    int distinctMedia,
    int distinctAccounts,
    double velocity,
    Double baseline,
    Double score,
    long updatedAt) {}
