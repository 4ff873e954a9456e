package io.igpulse.simulator.world;

/**
 * The id scheme: every id encodes what it names, so a lookup is arithmetic rather than a map of a
 * million entries. Ids look like the real ones (17-digit numbers for Instagram objects, 15 for
 * Pages).
 */
public final class Ids {

  public static final long IG_USER_BASE = 17_841_400_000_100_000L;
  public static final long PAGE_BASE = 100_200_300_000_000L;
  public static final long BUSINESS_BASE = 112_233_440_000_000L;
  public static final long HASHTAG_BASE = 17_843_000_000_000_000L;
  public static final long MEDIA_BASE = 17_900_000_000_000_000L;
  public static final long CHILD_BASE = 18_000_000_000_000_000L;

  /** Media ordinals per account; stories start at {@link #STORY_ORDINAL_BASE}. */
  public static final int ORDINALS_PER_ACCOUNT = 100_000;

  public static final int STORY_ORDINAL_BASE = 60_000;
  public static final int CHILDREN_PER_MEDIA = 10;
  private static final int MAX_ACCOUNTS = 10_000_000;
  private static final int MAX_HASHTAGS = 1_000_000;

  private Ids() {}

  /** What kind of object an id names. */
  public enum Kind {
    IG_USER,
    PAGE,
    HASHTAG,
    MEDIA,
    CHILD,
    UNKNOWN
  }

  public static long igUser(int account) {
    return IG_USER_BASE + account;
  }

  public static long page(int account) {
    return PAGE_BASE + account;
  }

  public static long business(int account) {
    return BUSINESS_BASE + account;
  }

  public static long hashtag(int tag) {
    return HASHTAG_BASE + tag;
  }

  public static long media(int account, int ordinal) {
    return MEDIA_BASE + (long) account * ORDINALS_PER_ACCOUNT + ordinal;
  }

  public static long child(long mediaId, int index) {
    return CHILD_BASE + (mediaId - MEDIA_BASE) * CHILDREN_PER_MEDIA + index;
  }

  public static Kind kind(long id) {
    if (id >= IG_USER_BASE && id < IG_USER_BASE + MAX_ACCOUNTS) {
      return Kind.IG_USER;
    }
    if (id >= PAGE_BASE && id < PAGE_BASE + MAX_ACCOUNTS) {
      return Kind.PAGE;
    }
    if (id >= HASHTAG_BASE && id < HASHTAG_BASE + MAX_HASHTAGS) {
      return Kind.HASHTAG;
    }
    if (id >= MEDIA_BASE && id < MEDIA_BASE + (long) MAX_ACCOUNTS * ORDINALS_PER_ACCOUNT) {
      return Kind.MEDIA;
    }
    if (id >= CHILD_BASE
        && id < CHILD_BASE + (long) MAX_ACCOUNTS * ORDINALS_PER_ACCOUNT * CHILDREN_PER_MEDIA) {
      return Kind.CHILD;
    }
    return Kind.UNKNOWN;
  }

  public static int accountOfUser(long igUserId) {
    return (int) (igUserId - IG_USER_BASE);
  }

  public static int accountOfPage(long pageId) {
    return (int) (pageId - PAGE_BASE);
  }

  public static int hashtagIndex(long hashtagId) {
    return (int) (hashtagId - HASHTAG_BASE);
  }

  public static int accountOfMedia(long mediaId) {
    return (int) ((mediaId - MEDIA_BASE) / ORDINALS_PER_ACCOUNT);
  }

  public static int ordinalOfMedia(long mediaId) {
    return (int) ((mediaId - MEDIA_BASE) % ORDINALS_PER_ACCOUNT);
  }

  public static long parentOfChild(long childId) {
    return MEDIA_BASE + (childId - CHILD_BASE) / CHILDREN_PER_MEDIA;
  }

  public static int indexOfChild(long childId) {
    return (int) ((childId - CHILD_BASE) % CHILDREN_PER_MEDIA);
  }

  /** Parses a decimal id; -1 when the text is not one. */
  public static long parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 19) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
