package io.igpulse.aggregator.topology.window;

import io.igpulse.aggregator.topology.delta.MediaDelta;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an account's earned media (other accounts' media that tag or mention it) gained in one
 * bucket or window: engagement, likes and comments, read from public counters.
 */
public final class EarnedWindow extends MediaGains {

  private long likes;
  private long comments;

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
    window.restoreGains(engagement, mediaEngagement, updatedAt);
    window.likes = likes;
    window.comments = comments;
    return window;
  }

  /** The sum of several buckets, as a new value. */
  public static EarnedWindow combine(List<EarnedWindow> parts) {
    EarnedWindow sum = new EarnedWindow();
    for (EarnedWindow part : parts) {
      sum.addGains(part);
      sum.likes += part.likes;
      sum.comments += part.comments;
    }
    return sum;
  }

  public EarnedWindow add(MediaDelta delta) {
    addGains(delta);
    likes += delta.likes();
    comments += delta.comments();
    return this;
  }

  public long likes() {
    return likes;
  }

  public long comments() {
    return comments;
  }
}
