package io.igpulse.aggregator.topology.window;

import io.igpulse.aggregator.topology.delta.MediaDelta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an account's earned media (other accounts' media that tag or mention it) gained in one
 * bucket or window: likes and comments, read from public counters. Mutable for the same reason as
 * {@link AccountWindow}.
 */
public final class EarnedWindow {

  private long engagement;
  private long likes;
  private long comments;
  private Map<String, Long> mediaEngagement = new HashMap<>();
  private long updatedAt;

  /** The stored per-media map, decoded on first use (see {@link AccountWindow}). */
  private Supplier<Map<String, Long>> storedMedia;

  public static EarnedWindow empty() {
    return new EarnedWindow();
  }

  /** A window as stored (the serde's way back); the per-media map is read when first needed. */
  public static EarnedWindow restore(
      long engagement,
      long likes,
      long comments,
      Supplier<Map<String, Long>> mediaEngagement,
      long updatedAt) {
    EarnedWindow window = new EarnedWindow();
    window.engagement = engagement;
    window.likes = likes;
    window.comments = comments;
    window.mediaEngagement = null;
    window.storedMedia = mediaEngagement;
    window.updatedAt = updatedAt;
    return window;
  }

  /** The sum of several buckets, as a new value. */
  public static EarnedWindow combine(List<EarnedWindow> parts) {
    EarnedWindow sum = new EarnedWindow();
    for (EarnedWindow part : parts) {
      sum.engagement += part.engagement;
      sum.likes += part.likes;
      sum.comments += part.comments;
      part.mediaEngagement()
          .forEach((media, gained) -> sum.mediaEngagement.merge(media, gained, Long::sum));
      sum.updatedAt = Math.max(sum.updatedAt, part.updatedAt);
    }
    return sum;
  }

  public EarnedWindow add(MediaDelta delta) {
    engagement += delta.engagement();
    likes += delta.likes();
    comments += delta.comments();
    mediaEngagement().merge(delta.mediaId(), delta.engagement(), Long::sum);
    updatedAt = Math.max(updatedAt, delta.capturedAt());
    return this;
  }

  public long engagement() {
    return engagement;
  }

  public long likes() {
    return likes;
  }

  public long comments() {
    return comments;
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
