package io.igpulse.simulator.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What really happened, for tests to check igpulse against: true lifetime totals of a media, and
 * the engagement (likes + comments + saves + shares) and reach gained per account and per hashtag
 * in a window, ranked.
 */
public final class GroundTruth {

  /** Media older than this before a window gain nothing measurable in it (the curve is flat). */
  private static final long FLAT_AFTER_SEC = 12 * 86_400L;

  /** Engagement and reach one account or hashtag gained in the window. */
  public record Gain(int index, long engagement, long reach) {}

  /** Both rankings of one window. */
  public record Trends(List<Gain> accounts, List<Gain> hashtags) {}

  private final World world;

  public GroundTruth(World world) {
    this.world = world;
  }

  public Trends trends(long fromSec, long toSec, int limit) {
    long[] accountEngagement = new long[world.accountCount()];
    long[] accountReach = new long[world.accountCount()];
    long[] tagEngagement = new long[world.hashtags().size()];
    long[] tagReach = new long[world.hashtags().size()];
    long oldest = fromSec - Burst.REVIVES_MEDIA_YOUNGER_THAN_SEC - FLAT_AFTER_SEC;
    for (int a = 0; a < world.accountCount(); a++) {
      AccountMedia schedule = world.schedule(a);
      int end = schedule.postsVisibleAt(toSec);
      for (int ord = end - 1; ord >= 0; ord--) {
        Media media = world.post(a, ord);
        if (media.createdSec() < oldest) {
          break;
        }
        MediaGain gain = MediaGain.of(world, media, fromSec, toSec);
        long engagement = gain.engagement();
        long reach = gain.reach();
        accountEngagement[a] += engagement;
        accountReach[a] += reach;
        for (int tag : world.hashtags().tagsOf(media)) {
          tagEngagement[tag] += engagement;
          tagReach[tag] += reach;
        }
      }
    }
    return new Trends(
        ranked(accountEngagement, accountReach, limit), ranked(tagEngagement, tagReach, limit));
  }

  private static List<Gain> ranked(long[] engagement, long[] reach, int limit) {
    List<Gain> gains = new ArrayList<>();
    for (int i = 0; i < engagement.length; i++) {
      if (engagement[i] > 0 || reach[i] > 0) {
        gains.add(new Gain(i, engagement[i], reach[i]));
      }
    }
    gains.sort(
        Comparator.comparingLong(Gain::engagement)
            .reversed()
            .thenComparing(Comparator.comparingLong(Gain::reach).reversed())
            .thenComparingInt(Gain::index));
    return gains.size() > limit ? gains.subList(0, limit) : gains;
  }
}
