package io.igpulse.aggregator.topology.window;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an account's windows of either kind ({@link AccountWindow}, {@link EarnedWindow}) share: the
 * engagement gained, by media too, and the latest update. Each kind adds the two metrics it tracks.
 * Mutable on purpose: a Kafka Streams aggregator updates one value per record, and copying the
 * per-media map on every delta would cost more than the update itself.
 */
public abstract class MediaGains {

  private long engagement;
  private Map<String, Long> mediaEngagement = new HashMap<>();
  private long updatedAt;

  /**
   * The stored per-media map, decoded on first use: a trend's baseline reads only the engagement of
   * many older buckets, and decoding their maps would cost more than the rest of the read.
   */
  @JsonIgnore private transient Supplier<Map<String, Long>> storedMedia;

  MediaGains() {}

  /** As stored (the serde's way back); the per-media map is read when first needed. */
  final void restoreGains(long engagement, Supplier<Map<String, Long>> media, long updatedAt) {
    this.engagement = engagement;
    this.mediaEngagement = null;
    this.storedMedia = media;
    this.updatedAt = updatedAt;
  }

  /** Adds a delta's engagement, for its media too, and its capture time. */
  final void addGains(MediaDelta delta) {
    engagement += delta.engagement();
    mediaEngagement().merge(delta.mediaId(), delta.engagement(), Long::sum);
    updatedAt = Math.max(updatedAt, delta.capturedAt());
  }

  /** Adds what another window of the same account gained. */
  final void addGains(MediaGains part) {
    engagement += part.engagement;
    Map<String, Long> mine = mediaEngagement();
    part.mediaEngagement().forEach((media, gained) -> mine.merge(media, gained, Long::sum));
    updatedAt = Math.max(updatedAt, part.updatedAt);
  }

  public final long engagement() {
    return engagement;
  }

  public final Map<String, Long> mediaEngagement() {
    if (storedMedia != null) {
      mediaEngagement = storedMedia.get();
      storedMedia = null;
    }
    return mediaEngagement;
  }

  public final long updatedAt() {
    return updatedAt;
  }
}
