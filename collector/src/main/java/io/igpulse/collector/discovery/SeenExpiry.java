package io.igpulse.collector.discovery;

import io.igpulse.events.DiscoverySource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a seen marker stops mattering. A marker only prevents a second emit of a media its source
 * may list again. Stories and recent hashtag media are listed only within 24 h of posting, and a
 * media is discovered after it was posted, so once {@code afterDiscovery} (well over a day) has
 * passed since the discovery the API cannot list it again and its marker can go. Owned, tagged,
 * mentioned and top hashtag media can be listed for ever: their markers stay.
 *
 * <p>A story can still be read by id after that, when a {@code story_insights} webhook comes late
 * or is replayed; {@link #tooOldToTell} keeps such a find from being emitted a second time.
 */
public record SeenExpiry(Duration afterDiscovery) {

  /**
   * The 24 h listing window, plus 12 h in which a {@code story_insights} webhook (sent when the
   * story ends, at 24 h) can still arrive and be told apart.
   */
  public static final Duration MINIMUM = Duration.ofHours(36);

  /** Room between the guard on finds and the expiry of markers: sweeps run every few minutes. */
  private static final Duration GUARD = Duration.ofHours(1);

  public static final Duration DEFAULT = Duration.ofDays(2);

  public SeenExpiry {
    if (afterDiscovery.compareTo(MINIMUM) < 0) {
      throw new IllegalArgumentException(
          "IGPULSE_COLLECTOR_SEEN_EXPIRY must be at least "
              + MINIMUM
              + " (stories and recent hashtag media are listed for 24 h, story webhooks come"
              + " after): "
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

  /**
   * Whether a find of this source, posted then, may be one whose marker was already dropped. A
   * marker lives {@code afterDiscovery} from its discovery, which came after posting; so a find
   * posted less than {@code afterDiscovery} minus an hour ago still has its marker, if it was
   * emitted. Older finds of these sources can only come from a read by id and are not emitted.
   */
  public boolean tooOldToTell(DiscoverySource source, Instant postedAt, Instant now) {
    return listedOnlyADay(source)
        && postedAt != null
        && !postedAt.plus(afterDiscovery).minus(GUARD).isAfter(now);
  }

  private static boolean listedOnlyADay(DiscoverySource source) {
    return source == DiscoverySource.STORY || source == DiscoverySource.HASHTAG_RECENT;
  }
}
