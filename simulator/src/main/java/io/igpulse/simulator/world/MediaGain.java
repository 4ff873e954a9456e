package io.igpulse.simulator.world;

/**
 * What one media gained between two instants: its true lifetime totals at both ends. Engagement is
 * likes + comments + saved + shares, the one definition every truth report uses.
 *
 * @param likesHidden the owner hides like counts: other accounts see only comments
 */
public record MediaGain(Media media, MediaTotals before, MediaTotals after, boolean likesHidden) {

  /** The gain of {@code media} from {@code fromSec} to {@code toSec} under the world's model. */
  public static MediaGain of(World world, Media media, long fromSec, long toSec) {
    EngagementModel model = world.engagement();
    return new MediaGain(
        media, model.totals(media, fromSec), model.totals(media, toSec), world.likesHidden(media));
  }

  /** Likes + comments + saved + shares gained. */
  public long engagement() {
    return after.totalInteractions(false) - before.totalInteractions(false);
  }

  public long reach() {
    return after.reach() - before.reach();
  }

  public long views() {
    return after.views() - before.views();
  }

  public long likes() {
    return after.likes() - before.likes();
  }

  public long comments() {
    return after.comments() - before.comments();
  }

  /** Likes + comments gained whether public counters show them or not. */
  public long publicInteractions() {
    return likes() + comments();
  }

  /** What public counters ({@code like_count}, {@code comments_count}) can show of the gain. */
  public long visibleInteractions() {
    return (likesHidden ? 0 : likes()) + comments();
  }

  public boolean gainedAnything() {
    return engagement() != 0 || reach() != 0 || views() != 0;
  }
}
