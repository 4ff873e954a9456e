package io.igpulse.simulator.world;

import java.util.Arrays;

/**
 * For each hashtag, the ids of the feed media that carry it, oldest first. Built once, on the first
 * hashtag query, by walking every account's schedule (which generates them all).
 */
public final class HashtagIndex {

  private final long[][] mediaByTag;
  private final int[][] createdByTag;

  private HashtagIndex(long[][] mediaByTag, int[][] createdByTag) {
    this.mediaByTag = mediaByTag;
    this.createdByTag = createdByTag;
  }

  static HashtagIndex build(World world) {
    int tags = world.hashtags().size();
    long[][] ids = new long[tags][];
    int[][] times = new int[tags][];
    int[] sizes = new int[tags];
    for (int t = 0; t < tags; t++) {
      ids[t] = new long[16];
      times[t] = new int[16];
    }
    for (int a = 0; a < world.accountCount(); a++) {
      AccountMedia schedule = world.schedule(a);
      for (int ord = 0; ord < schedule.postCount(); ord++) {
        Media media = world.post(a, ord);
        for (int tag : world.hashtags().tagsOf(media)) {
          int n = sizes[tag];
          if (n == ids[tag].length) {
            ids[tag] = Arrays.copyOf(ids[tag], n * 2);
            times[tag] = Arrays.copyOf(times[tag], n * 2);
          }
          ids[tag][n] = media.id();
          times[tag][n] = (int) (media.createdSec() - AccountMedia.EPOCH);
          sizes[tag] = n + 1;
        }
      }
    }
    for (int t = 0; t < tags; t++) {
      sortByTime(ids[t], times[t], sizes[t]);
      ids[t] = Arrays.copyOf(ids[t], sizes[t]);
      times[t] = Arrays.copyOf(times[t], sizes[t]);
    }
    return new HashtagIndex(ids, times);
  }

  /** Ids of the tag's media created in [fromSec, toSec], oldest first. */
  public long[] mediaBetween(int tag, long fromSec, long toSec) {
    int[] times = createdByTag[tag];
    int lo = lowerBound(times, fromSec - AccountMedia.EPOCH);
    int hi = lowerBound(times, toSec - AccountMedia.EPOCH + 1);
    return Arrays.copyOfRange(mediaByTag[tag], lo, Math.max(lo, hi));
  }

  private static int lowerBound(int[] sorted, long key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void sortByTime(long[] ids, int[] times, int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (x, y) ->
            times[x] != times[y]
                ? Integer.compare(times[x], times[y])
                : Long.compare(ids[x], ids[y]));
    long[] sortedIds = new long[n];
    int[] sortedTimes = new int[n];
    for (int i = 0; i < n; i++) {
      sortedIds[i] = ids[order[i]];
      sortedTimes[i] = times[order[i]];
    }
    System.arraycopy(sortedIds, 0, ids, 0, n);
    System.arraycopy(sortedTimes, 0, times, 0, n);
  }
}
