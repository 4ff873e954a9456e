package io.igpulse.simulator.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What really happened between two instants, per account and per hashtag, for end-to-end tests: the
 * gains of an account's own media, of the media carrying a hashtag, of the media of other accounts
 * that tag or mention an account, and which media appeared. Exact: every media that exists by the
 * end is visited, nothing is estimated.
 */
public final class WindowTruth {

  /** The media an account posted in a period, and the media of others that tag it. */
  public record Inventory(List<Media> posts, List<Media> stories, List<Media> earned) {}

  private final World world;

  public WindowTruth(World world) {
    this.world = world;
  }

  /** Gains of the account's own media (feed, reels, stories) created by {@code toSec}. */
  public List<MediaGain> ownMedia(int account, long fromSec, long toSec) {
    checkOrder(fromSec, toSec);
    AccountMedia schedule = world.schedule(account);
    List<MediaGain> gains = new ArrayList<>();
    for (int ord = 0; ord < schedule.postsVisibleAt(toSec); ord++) {
      gains.add(MediaGain.of(world, world.post(account, ord), fromSec, toSec));
    }
    for (int s = 0; s < schedule.storiesCreatedBy(toSec); s++) {
      gains.add(MediaGain.of(world, world.story(account, s), fromSec, toSec));
    }
    return gains;
  }

  /** Gains of every media carrying the hashtag, created by {@code toSec}. */
  public List<MediaGain> hashtagMedia(int tag, long fromSec, long toSec) {
    checkOrder(fromSec, toSec);
    List<MediaGain> gains = new ArrayList<>();
    for (long id : world.hashtagIndex().mediaBetween(tag, Long.MIN_VALUE / 4, toSec)) {
      gains.add(MediaGain.of(world, world.findMedia(id), fromSec, toSec));
    }
    return gains;
  }

  /** Gains of media of other accounts that tag or mention the account, created by {@code toSec}. */
  public List<MediaGain> earnedMedia(int account, long fromSec, long toSec) {
    checkOrder(fromSec, toSec);
    List<MediaGain> gains = new ArrayList<>();
    for (Media media : earned(account)) {
      if (media.createdSec() <= toSec) {
        gains.add(MediaGain.of(world, media, fromSec, toSec));
      }
    }
    return gains;
  }

  /** Media the account posted in [fromSec, toSec), and earned media created in that period. */
  public Inventory created(int account, long fromSec, long toSec) {
    checkOrder(fromSec, toSec);
    AccountMedia schedule = world.schedule(account);
    List<Media> posts = new ArrayList<>();
    for (int ord = schedule.postsVisibleAt(fromSec - 1);
        ord < schedule.postsVisibleAt(toSec - 1);
        ord++) {
      posts.add(world.post(account, ord));
    }
    List<Media> stories = new ArrayList<>();
    for (int s = schedule.storiesCreatedBy(fromSec - 1);
        s < schedule.storiesCreatedBy(toSec - 1);
        s++) {
      stories.add(world.story(account, s));
    }
    List<Media> earned =
        earned(account).stream()
            .filter(m -> m.createdSec() >= fromSec && m.createdSec() < toSec)
            .toList();
    return new Inventory(posts, stories, earned);
  }

  /** Distinct media of other accounts tagging or mentioning the account, oldest first. */
  private List<Media> earned(int account) {
    return Arrays.stream(world.taggedIn(account))
        .distinct()
        .mapToObj(world::findMedia)
        .sorted(
            (x, y) ->
                x.createdSec() != y.createdSec()
                    ? Long.compare(x.createdSec(), y.createdSec())
                    : Long.compare(x.id(), y.id()))
        .toList();
  }

  private static void checkOrder(long fromSec, long toSec) {
    if (fromSec > toSec) {
      throw new IllegalArgumentException("from must not be after to");
    }
  }
}
