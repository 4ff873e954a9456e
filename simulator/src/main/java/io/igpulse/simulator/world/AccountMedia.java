package io.igpulse.simulator.world;

import java.util.Arrays;

/**
 * The posting schedule of one account: creation times only (seconds since {@link #EPOCH}), oldest
 * first. Every other attribute of a media is a hash of its id, so a million media cost a few
 * megabytes. Feed media and stories are kept apart because they are listed by different edges.
 */
public final class AccountMedia {

  /** 2020-01-01T00:00:00Z: media times are stored as int offsets from here. */
  public static final long EPOCH = 1_577_836_800L;

  private final int[] posts;
  private final int[] stories;

  AccountMedia(int[] posts, int[] stories) {
    this.posts = posts;
    this.stories = stories;
  }

  static AccountMedia generate(WorldSpec spec, int account) {
    long seed = spec.seed();
    long start = spec.start().getEpochSecond();
    long history = spec.history().getSeconds();
    long horizon = spec.horizon().getSeconds();
    int count =
        Math.max(
            1,
            (int)
                Math.round(
                    spec.mediaPerAccount() * Mix.between(Mix.hash(seed, account, 20), 0.5, 1.5)));
    int[] posts = new int[count];
    for (int k = 0; k < count; k++) {
      long h = Mix.hash(seed, account, k, 21);
      double u = Mix.unit(Mix.hash(seed, account, k, 22));
      long at;
      if (Mix.unit(h) < 0.8) {
        // Skewed towards the present: most accounts post more recently than long ago.
        at = start - (long) (history * u * u) - 60;
      } else {
        at = start + (long) (horizon * u);
      }
      posts[k] = (int) (at - EPOCH);
    }
    Arrays.sort(posts);
    long storyWindow = 2 * 86_400L + horizon;
    int storyCount =
        (int)
            Math.round(
                spec.storiesPerDay()
                    * (storyWindow / 86_400.0)
                    * Mix.between(Mix.hash(seed, account, 23), 0.0, 2.0));
    storyCount = Math.min(storyCount, Ids.ORDINALS_PER_ACCOUNT - Ids.STORY_ORDINAL_BASE);
    int[] stories = new int[storyCount];
    for (int k = 0; k < storyCount; k++) {
      double u = Mix.unit(Mix.hash(seed, account, k, 24));
      stories[k] = (int) (start - 2 * 86_400L + (long) (storyWindow * u) - EPOCH);
    }
    Arrays.sort(stories);
    return new AccountMedia(posts, stories);
  }

  public int postCount() {
    return posts.length;
  }

  public int storyCount() {
    return stories.length;
  }

  public long postCreatedSec(int ordinal) {
    return EPOCH + posts[ordinal];
  }

  public long storyCreatedSec(int storyIndex) {
    return EPOCH + stories[storyIndex];
  }

  /** Number of posts created at or before {@code nowSec}: ordinals 0..n-1 exist. */
  public int postsVisibleAt(long nowSec) {
    return upperBound(posts, nowSec - EPOCH);
  }

  /** Number of stories created at or before {@code nowSec}. */
  public int storiesCreatedBy(long nowSec) {
    return upperBound(stories, nowSec - EPOCH);
  }

  private static int upperBound(int[] sorted, long key) {
    if (key > Integer.MAX_VALUE) {
      return sorted.length;
    }
    if (key < Integer.MIN_VALUE) {
      return 0;
    }
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Approximate retained bytes, for the scale benchmark. */
  public long footprintBytes() {
    return 16L + 2 * 16L + 4L * (posts.length + stories.length);
  }
}
