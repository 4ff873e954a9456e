package io.igpulse.aggregator.topology.window;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an account gained in one bucket or window. Mutable on purpose: a Kafka Streams aggregator
 * updates one value per record, and copying the per-media map on every delta would cost more than
 * the update itself.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class AccountWindow {

  private long engagement;
  private long reach;
  private long views;
  private Map<String, Long> mediaEngagement = new HashMap<>();
  private long updatedAt;

  /**
   * The stored per-media map, decoded on first use: a trend's baseline reads only the engagement of
   * many older buckets, and decoding their maps would cost more than the rest of the read.
   */
  @JsonIgnore private transient Supplier<Map<String, Long>> storedMedia;

  public static AccountWindow empty() {
    return new AccountWindow();
  }

  /** A window as stored (the serde's way back); the per-media map is read when first needed. */
  public static AccountWindow restore(
      long engagement,
      long reach,
      long views,
      Supplier<Map<String, Long>> mediaEngagement,
      long updatedAt) {
    AccountWindow window = new AccountWindow();
    window.engagement = engagement;
    window.reach = reach;
    window.views = views;
    window.mediaEngagement = null;
    window.storedMedia = mediaEngagement;
    window.updatedAt = updatedAt;
    return window;
  }

  /** The sum of several buckets, as a new value. */
  public static AccountWindow combine(List<AccountWindow> parts) {
    AccountWindow sum = new AccountWindow();
    for (AccountWindow part : parts) {
      sum.engagement += part.engagement;
      sum.reach += part.reach;
      sum.views += part.views;
      part.mediaEngagement()
          .forEach((media, gained) -> sum.mediaEngagement.merge(media, gained, Long::sum));
      sum.updatedAt = Math.max(sum.updatedAt, part.updatedAt);
    }
    return sum;
  }

  public AccountWindow add(MediaDelta delta) {
    engagement += delta.engagement();
    reach += delta.reach();
    views += delta.views();
    mediaEngagement().merge(delta.mediaId(), delta.engagement(), Long::sum);
    updatedAt = Math.max(updatedAt, delta.capturedAt());
    return this;
  }

  public long engagement() {
    return engagement;
  }

  public long reach() {
    return reach;
  }

  public long views() {
    return views;
  }

  public Map<String, Long> mediaEngagement() {
    if (storedMedia != null) {
      mediaEngagement = storedMedia.get();
      storedMedia = null;
    }
    return mediaEngagement;
  }

  public long updatedAt() {
    return updatedAt;
  }
}
