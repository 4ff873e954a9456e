package io.igpulse.collector.discovery;

import java.time.Instant;

/**
 * One seen marker as it sits in the seen topic: its key, the partition it was written to (that of
 * the account's registration) and when its media was discovered ({@code null} when the marker's
 * value cannot be read as a time: such a marker is kept for ever).
 */
public record SeenMarker(SeenKey key, int partition, Instant discoveredAt) {}
