package io.igpulse.aggregator.topology.window;

import java.util.Map;

/** {@link MediaGainsSum} of an account's earned media, with their likes and comments. */
public final class EarnedWindowSum extends MediaGainsSum<EarnedWindow> {

  private long likes;
  private long comments;

  @Override
  public void add(EarnedWindow bucket) {
    addGains(bucket);
    likes += bucket.likes();
    comments += bucket.comments();
  }

  @Override
  public void remove(EarnedWindow bucket) {
    removeGains(bucket);
    likes -= bucket.likes();
    comments -= bucket.comments();
  }

  /** The window as a value of its own, stamped with its buckets' latest update. */
  public EarnedWindow toWindow(long updatedAt) {
    Map<String, Long> gained = mediaEngagement();
    return EarnedWindow.restore(engagement(), likes, comments, () -> gained, updatedAt);
  }
}
