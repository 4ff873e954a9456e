package io.igpulse.simulator.world;

/**
 * What one media gained between two instants: its true lifetime totals at both ends. Engagement is
 * the media's total_interactions as the API reports it (likes + comments + saved + shares for
 * posts, replies + shares for stories), the one definition every truth report uses. A story's
 * totals stop at its expiry: nothing can read it afterwards, so nothing it gains then is
 * observable.
 *
 * @param likesHidden the owner hides like counts: other accounts see only comments
 */
public record MediaGain(Media media, MediaTotals before, MediaTotals after, boolean likesHidden) {

  /** The gain of {@code media} from {@code fromSec} to {@code toSec} under the world's model. */
  public static MediaGain of(World world, Media media, long fromSec, long toSec) {
    EngagementModel model = world.engagement();
    long end = media.isStory() ? media.createdSec() + Media.STORY_LIFETIME_SEC : Long.MAX_VALUE;
    return new MediaGain(
        media,
        model.totals(media, Math.min(fromSec, end)),
        model.totals(media, Math.min(toSec, end)),
        world.likesHidden(media));
  }

  /**
   * total_interactions gained: likes + comments + saved + shares, or replies + shares of a story.
   */
  public long engagement() {
    return after.totalInteractions(media.isStory()) - before.totalInteractions(media.isStory());
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
