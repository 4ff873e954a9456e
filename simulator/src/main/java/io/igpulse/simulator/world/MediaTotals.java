package io.igpulse.simulator.world;

/**
 * True lifetime totals of one media at one instant. Every count is the floor of a fixed fraction of
 * reach, so all are monotone in time, reach is at least the unique interactions and views are at
 * least reach.
 */
public record MediaTotals(
    long reach,
    long views,
    long likes,
    long comments,
    long saved,
    long shares,
    long reposts,
    long follows,
    long profileVisits,
    long profileActivity,
    long replies,
    long tapsForward,
    long tapsBack,
    long tapsExit,
    long swipeForward,
    long avgWatchTimeMs,
    double skipRatePercent,
    long facebookViews) {

  /** likes + comments + saved + shares for posts, replies + shares for stories. */
  public long totalInteractions(boolean story) {
    return story ? replies + shares : likes + comments + saved + shares;
  }

  public long navigation() {
    return tapsForward + tapsBack + tapsExit + swipeForward;
  }

  public static MediaTotals none() {
    return new MediaTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
