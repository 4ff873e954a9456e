package io.igpulse.aggregator.topology.trend;

/**
 * A hashtag's scored window on its way to the per-window ranking (internal, compact binary on the
 * repartition topic: see {@code topology.codec}).
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
