package io.igpulse.collector.discovery;

import io.igpulse.events.MediaDiscovered;

/**
 * One media to emit: the event and the seen marker that must be written in the same transaction.
 */
public record Discovery(SeenKey key, MediaDiscovered event) {}
