package io.igpulse.enricher.fetch;

import io.igpulse.graphapi.model.Media;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listings read in the last moments, shared by every task of the instance. Media are keyed by id
 * across the tasks of the public path, so the media tagged in one account (or listed under one
 * hashtag) fall due in several tasks in the same round; the first task's listing serves the others,
 * with its own capture time (the instant its counters describe), instead of one listing per task.
 * Thread-safe: the stream threads share it.
 */
final class ListingCache {

  /** A listing as read: the media by id, whether it was cut at its maximum, when it was read. */
  record Listing(Map<String, Media> media, boolean complete, Instant capturedAt) {}

  private final Duration reuse;
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();

  /**
   * @param reuse how long a listing serves other tasks (one punctuation pass: a tick)
   */
  ListingCache(Duration reuse) {
    this.reuse = reuse;
  }

  /** The listing read under {@code key} at most {@code reuse} before {@code now}. */
  Optional<Listing> get(String key, Instant now) {
    Listing l = listings.get(key);
    if (l == null || l.capturedAt().plus(reuse).isBefore(now) || l.capturedAt().isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(l);
  }

  void put(String key, Listing listing) {
    listings.put(key, listing);
    // Forget what can no longer be reused, so the map holds one round's listings at most.
    listings.values().removeIf(l -> l.capturedAt().plus(reuse).isBefore(listing.capturedAt()));
  }
}
