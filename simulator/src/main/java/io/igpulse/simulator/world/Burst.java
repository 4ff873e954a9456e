package io.igpulse.simulator.world;

/**
 * A scheduled jump of engagement on one account or one hashtag: between start and end, the media
 * concerned gain {@code multiplier - 1} extra times their usual reach, spread evenly over the
 * window. This is the ground truth trend tests look for.
 *
 * @param account the account concerned, or -1
 * @param hashtag the hashtag concerned, or -1
 */
public record Burst(int account, int hashtag, long startSec, long endSec, double multiplier) {

  /** Media older than this at the burst's start are not revived by it. */
  public static final long REVIVES_MEDIA_YOUNGER_THAN_SEC = 7 * 86_400L;

  /** The fraction of the burst elapsed at {@code nowSec}, 0 before and 1 after. */
  double progress(long nowSec) {
    if (nowSec <= startSec) {
      return 0;
    }
    if (nowSec >= endSec) {
      return 1;
    }
    return (double) (nowSec - startSec) / (endSec - startSec);
  }
}
