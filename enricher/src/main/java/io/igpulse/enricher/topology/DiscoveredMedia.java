package io.igpulse.enricher.topology;

import io.igpulse.events.MediaDiscovered;
import java.util.List;

/**
 * What the schedule needs of a {@code MediaDiscovered}, re-keyed by the followed account on the
 * internal repartition topic (JSON: internal data, no registry round trip).
 */
public record DiscoveredMedia(
    String account,
    String mediaId,
    String ownerId,
    String mediaType,
    String productType,
    long postedAt,
    Long expiresAt,
    List<String> hashtags,
    String source) {

  public static DiscoveredMedia of(MediaDiscovered d) {
    return new DiscoveredMedia(
        d.getFollowedAccountId(),
        d.getMediaId(),
        d.getOwnerId(),
        d.getMediaType().name(),
        d.getMediaProductType().name(),
        d.getPostedAt().toEpochMilli(),
        d.getExpiresAt() == null ? null : d.getExpiresAt().toEpochMilli(),
        List.copyOf(d.getCaptionHashtags()),
        d.getSource().name());
  }
}
