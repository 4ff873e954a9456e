package io.igpulse.simulator.world;

import java.util.List;

/**
 * Lifetime totals as a closed-form curve of the media's age: reach rises fast and levels off
 * ({@code 1 - exp(-age / tau)}), plus whatever scheduled bursts add. Nothing is stored, so any
 * instant can be asked for in any order and the answer is always the same.
 */
public final class EngagementModel {

  /**
   * A burst lifts even a small account's media as if it had this ceiling, so that a scheduled trend
   * stands out of the world's noise.
   */
  static final double BURST_FLOOR_REACH = 50_000;

  private final World world;
  private final List<Burst> bursts;

  EngagementModel(World world, List<Burst> bursts) {
    this.world = world;
    this.bursts = List.copyOf(bursts);
  }

  public MediaTotals totals(Media media, long atSec) {
    if (atSec < media.createdSec()) {
      return MediaTotals.none();
    }
    Account account = world.account(media.account());
    double reachMax = reachCeiling(account, media);
    double ageHours = (atSec - media.createdSec()) / 3600.0;
    double reach = reachMax * (1 - Math.exp(-ageHours / tauHours(media.kind())));
    reach += burstReach(media, reachMax, atSec);
    long h = media.hash();
    long r = (long) reach;
    long likes = media.isStory() ? 0 : (long) (reach * Mix.between(Mix.hash(h, 40), 0.03, 0.12));
    long comments =
        media.isStory() ? 0 : (long) (reach * Mix.between(Mix.hash(h, 41), 0.003, 0.02));
    long saved = media.isStory() ? 0 : (long) (reach * Mix.between(Mix.hash(h, 42), 0.004, 0.03));
    long shares = (long) (reach * Mix.between(Mix.hash(h, 43), 0.002, 0.015));
    long reposts = (long) (reach * Mix.between(Mix.hash(h, 44), 0.0005, 0.004));
    long follows = (long) (reach * Mix.between(Mix.hash(h, 45), 0.001, 0.004));
    long visits = (long) (reach * Mix.between(Mix.hash(h, 46), 0.01, 0.04));
    long replies =
        media.isStory() && !account.quietReplies()
            ? (long) (reach * Mix.between(Mix.hash(h, 47), 0.005, 0.02))
            : 0;
    long views = (long) (reach * Mix.between(Mix.hash(h, 48), 1.1, 2.2));
    long watchMs = media.kind() == MediaKind.REELS ? 2_000 + Mix.below(Mix.hash(h, 49), 14_000) : 0;
    double skip =
        media.kind() == MediaKind.REELS
            ? Math.round(Mix.between(Mix.hash(h, 50), 10, 70) * 100) / 100.0
            : 0;
    long crossposted = media.crossPosted() ? (long) (views * 0.25) : 0;
    return new MediaTotals(
        r,
        Math.max(views, r),
        likes,
        comments,
        saved,
        shares,
        reposts,
        follows,
        visits,
        visits / 2,
        replies,
        media.isStory() ? (long) (reach * 0.6) : 0,
        media.isStory() ? (long) (reach * 0.1) : 0,
        media.isStory() ? (long) (reach * 0.15) : 0,
        media.isStory() ? (long) (reach * 0.05) : 0,
        watchMs,
        skip,
        crossposted);
  }

  private static double reachCeiling(Account account, Media media) {
    double rate =
        switch (media.kind()) {
          case REELS -> 0.6;
          case STORY_IMAGE, STORY_VIDEO -> 0.07;
          default -> 0.3;
        };
    return account.baseFollowers() * rate * media.virality() + 3;
  }

  private static double tauHours(MediaKind kind) {
    return switch (kind) {
      case STORY_IMAGE, STORY_VIDEO -> 3;
      case REELS -> 18;
      default -> 8;
    };
  }

  private double burstReach(Media media, double reachMax, long atSec) {
    if (bursts.isEmpty() || media.isStory()) {
      return 0;
    }
    double extra = 0;
    int[] tags = null;
    for (Burst burst : bursts) {
      if (media.createdSec() >= burst.endSec()
          || media.createdSec() < burst.startSec() - Burst.REVIVES_MEDIA_YOUNGER_THAN_SEC) {
        continue;
      }
      boolean applies = burst.account() == media.account();
      if (!applies && burst.hashtag() >= 0) {
        tags = tags == null ? world.hashtags().tagsOf(media) : tags;
        for (int tag : tags) {
          applies |= tag == burst.hashtag();
        }
      }
      if (applies) {
        long from = Math.max(burst.startSec(), media.createdSec());
        double share = burst.progress(atSec) - burst.progress(from);
        extra +=
            (burst.multiplier() - 1)
                * Math.max(reachMax, BURST_FLOOR_REACH)
                * 0.5
                * Math.max(0, share);
      }
    }
    return extra;
  }
}
