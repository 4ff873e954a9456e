package io.igpulse.collector.discovery;

import io.igpulse.events.DiscoverySource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a seen marker stops mattering. A marker only prevents a second emit of a media its source
 * may list again. Stories and recent hashtag media are listed only within 24 h of posting, and a
 * media is discovered after it was posted, so once {@code afterDiscovery} (more than a day) has
 * passed since the discovery the API cannot list it again and its marker can go. Owned, tagged,
 * mentioned and top hashtag media can be listed for ever: their markers stay.
 */
public record SeenExpiry(Duration afterDiscovery) {

  /** The 24 h listing window plus an hour for clock differences and late listings. */
  public static final Duration MINIMUM = Duration.ofHours(25);

  public static final Duration DEFAULT = Duration.ofDays(2);

  public SeenExpiry {
    if (afterDiscovery.compareTo(MINIMUM) < 0) {
      throw new IllegalArgumentException(
          "IGPULSE_COLLECTOR_SEEN_EXPIRY must be at least "
              + MINIMUM
              + " (stories and recent hashtag media are listed for 24 h): "
              + afterDiscovery);
    }
  }

  /** When the marker can be dropped, or empty when it must be kept. */
  public Optional<Instant> expiresAt(SeenMarker marker) {
    if (marker.discoveredAt() == null || !listedOnlyADay(marker.key().source())) {
      return Optional.empty();
    }
    return Optional.of(marker.discoveredAt().plus(afterDiscovery));
  }

  private static boolean listedOnlyADay(DiscoverySource source) {
    return source == DiscoverySource.STORY || source == DiscoverySource.HASHTAG_RECENT;
  }
}
