package io.igpulse.collector;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.events.DiscoverySource;
import io.igpulse.simulator.world.AccountMedia;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaTotals;
import io.igpulse.simulator.world.World;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the simulator's world holds for an account at an instant, as the (account, source, hashtag,
 * media) keys a perfect collector emits: read from the world model the API answers from, not from
 * the API.
 */
final class GroundTruth {

  private static final long DAY = 86_400L;

  private final World world;

  GroundTruth(World world) {
    this.world = world;
  }

  static String account(World world, int index) {
    return Long.toString(world.account(index).igUserId());
  }

  Set<SeenKey> all(int index, List<String> hashtags, long nowSec) {
    Set<SeenKey> keys = new HashSet<>();
    keys.addAll(owned(index, nowSec));
    keys.addAll(stories(index, nowSec));
    keys.addAll(tagged(index, nowSec));
    for (String tag : hashtags) {
      keys.addAll(hashtagTop(index, tag, nowSec));
      keys.addAll(hashtagRecent(index, tag, nowSec));
    }
    return keys;
  }

  /**
   * Every key these accounts discover by {@code nowSec}, the first of them following {@code tag}
   * too (the others no hashtag).
   */
  Set<SeenKey> all(List<Integer> indexes, String tag, long nowSec) {
    Set<SeenKey> keys = new HashSet<>();
    for (int i : indexes) {
      keys.addAll(all(i, i == indexes.get(0) ? List.of(tag) : List.of(), nowSec));
    }
    return keys;
  }

  /** The accounts' ids. */
  Set<String> accounts(List<Integer> indexes) {
    Set<String> ids = new HashSet<>();
    indexes.forEach(i -> ids.add(account(world, i)));
    return ids;
  }

  Set<SeenKey> owned(int index, long nowSec) {
    Set<SeenKey> keys = new HashSet<>();
    int visible = world.schedule(index).postsVisibleAt(nowSec);
    for (int ord = 0; ord < visible; ord++) {
      keys.add(key(index, DiscoverySource.OWNED, null, Ids.media(index, ord)));
    }
    return keys;
  }

  /** Stories live at {@code nowSec}. */
  Set<SeenKey> stories(int index, long nowSec) {
    return storiesLiveBetween(index, nowSec, nowSec);
  }

  /** Stories live at any instant of [from, to]: created in (from − 24 h, to]. */
  Set<SeenKey> storiesLiveBetween(int index, long fromSec, long toSec) {
    Set<SeenKey> keys = new HashSet<>();
    AccountMedia schedule = world.schedule(index);
    for (int k = 0; k < schedule.storyCount(); k++) {
      long created = schedule.storyCreatedSec(k);
      if (created > fromSec - Media.STORY_LIFETIME_SEC && created <= toSec) {
        keys.add(key(index, DiscoverySource.STORY, null, world.story(index, k).id()));
      }
    }
    return keys;
  }

  Set<SeenKey> tagged(int index, long nowSec) {
    Set<SeenKey> keys = new HashSet<>();
    for (long id : world.taggedIn(index)) {
      Media m = world.findMedia(id);
      if (m != null && m.createdSec() <= nowSec) {
        keys.add(key(index, DiscoverySource.TAGGED, null, id));
      }
    }
    return keys;
  }

  Set<SeenKey> hashtagRecent(int index, String tag, long nowSec) {
    int t = world.hashtags().find(tag);
    Set<SeenKey> keys = new HashSet<>();
    for (long id : world.hashtagIndex().mediaBetween(t, nowSec - DAY + 1, nowSec)) {
      keys.add(key(index, DiscoverySource.HASHTAG_RECENT, tag, id));
    }
    return keys;
  }

  /** The tag's 50 media of the last 7 days with the most likes + comments (ties by id). */
  Set<SeenKey> hashtagTop(int index, String tag, long nowSec) {
    int t = world.hashtags().find(tag);
    long[] ids = world.hashtagIndex().mediaBetween(t, nowSec - 7 * DAY + 1, nowSec);
    Set<SeenKey> keys = new HashSet<>();
    Arrays.stream(ids)
        .mapToObj(world::findMedia)
        .sorted(
            Comparator.comparingLong(
                    (Media m) -> {
                      MediaTotals totals = world.engagement().totals(m, nowSec);
                      return totals.likes() + totals.comments();
                    })
                .reversed()
                .thenComparingLong(Media::id))
        .limit(50)
        .forEach(m -> keys.add(key(index, DiscoverySource.HASHTAG_TOP, tag, m.id())));
    return keys;
  }

  private SeenKey key(int index, DiscoverySource source, String tag, long media) {
    return new SeenKey(account(world, index), source, tag, Long.toString(media));
  }
}
