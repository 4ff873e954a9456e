package io.igpulse.simulator.world;

/**
 * A view of one media: where it lives, when it was made, what it is, and its hash from which every
 * other attribute derives. Created per lookup and thrown away; nothing per media is stored beyond
 * its creation time.
 */
public record Media(long id, int account, int ordinal, long createdSec, MediaKind kind, long hash) {

  public static final long STORY_LIFETIME_SEC = 86_400L;

  public boolean isStory() {
    return kind.isStory();
  }

  public boolean isLiveAt(long nowSec) {
    return nowSec >= createdSec && (!isStory() || nowSec < createdSec + STORY_LIFETIME_SEC);
  }

  /** How widely this media travels compared with the account's usual reach (0.3 to ~6). */
  public double virality() {
    double u = Mix.unit(Mix.hash(hash, 1));
    return 0.3 + 5.7 * u * u * u;
  }

  public int childCount() {
    return kind == MediaKind.CAROUSEL ? 2 + Mix.below(Mix.hash(hash, 2), 6) : 0;
  }

  /** Copyrighted media have no {@code media_url}. */
  public boolean copyrighted() {
    return Mix.unit(Mix.hash(hash, 3)) < 0.03;
  }

  /** Cross-posted to Facebook: only such reels support crossposted_views and facebook_views. */
  public boolean crossPosted() {
    return kind == MediaKind.REELS && Mix.unit(Mix.hash(hash, 4)) < 0.3;
  }

  public boolean commentsEnabled() {
    return Mix.unit(Mix.hash(hash, 5)) >= 0.05;
  }

  public boolean sharedToFeed() {
    return kind == MediaKind.REELS && Mix.unit(Mix.hash(hash, 6)) < 0.7;
  }

  /** Child media are images or videos; their kind is decided by the parent's hash. */
  public boolean childIsVideo(int index) {
    return Mix.unit(Mix.hash(hash, 7, index)) < 0.25;
  }

  public String shortcode() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    long h = Mix.hash(hash, 8);
    char[] code = new char[11];
    for (int i = 0; i < code.length; i++) {
      code[i] = alphabet.charAt((int) (h & 63));
      h = i % 5 == 4 ? Mix.mix(h) : h >>> 6;
    }
    return new String(code);
  }
}
