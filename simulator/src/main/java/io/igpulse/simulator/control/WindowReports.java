package io.igpulse.simulator.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.api.Json;
import io.igpulse.simulator.api.MediaRenderer;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaGain;
import io.igpulse.simulator.world.WindowTruth;
import io.igpulse.simulator.world.World;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The window truths of the control API as JSON: gains of an account's own media, of a hashtag's
 * media, of the media that tag or mention an account, and the media created in a period. Bad input
 * is an {@link IllegalArgumentException} (400).
 */
final class WindowReports {

  /** A period as the caller gave it, parsed. */
  record Period(long fromSec, long toSec) {

    static Period parse(String from, String to) {
      if (from == null || to == null) {
        throw new IllegalArgumentException("from and to are required (ISO-8601 instants)");
      }
      try {
        Period period =
            new Period(Instant.parse(from).getEpochSecond(), Instant.parse(to).getEpochSecond());
        if (period.fromSec > period.toSec) {
          throw new IllegalArgumentException("from must not be after to");
        }
        return period;
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "from and to must be ISO-8601 instants: " + e.getParsedString(), e);
      }
    }

    void describe(ObjectNode node) {
      node.put("from", Instant.ofEpochSecond(fromSec).toString());
      node.put("to", Instant.ofEpochSecond(toSec).toString());
    }
  }

  private final World world;
  private final WindowTruth truth;

  WindowReports(World world) {
    this.world = world;
    this.truth = new WindowTruth(world);
  }

  ObjectNode accountEngagement(String account, Period period, boolean perMedia) {
    int index = account(account);
    List<MediaGain> gains = truth.ownMedia(index, period.fromSec(), period.toSec());
    ObjectNode node = accountHeader(index, period);
    node.put("engagement_gained", gains.stream().mapToLong(MediaGain::engagement).sum());
    node.put("reach_gained", gains.stream().mapToLong(MediaGain::reach).sum());
    node.put("views_gained", gains.stream().mapToLong(MediaGain::views).sum());
    node.put("likes_gained", gains.stream().mapToLong(MediaGain::likes).sum());
    node.put("comments_gained", gains.stream().mapToLong(MediaGain::comments).sum());
    if (perMedia) {
      ArrayNode media = node.putArray("media");
      for (MediaGain gain : gains) {
        if (gain.gainedAnything()) {
          describe(media.addObject(), gain.media(), gain.likesHidden())
              .put("engagement_gained", gain.engagement())
              .put("reach_gained", gain.reach())
              .put("views_gained", gain.views());
        }
      }
    }
    return node;
  }

  ObjectNode hashtagPublic(String name, Period period, boolean perMedia) {
    int tag = world.hashtags().find(name);
    if (tag < 0) {
      throw new IllegalArgumentException("unknown hashtag: " + name);
    }
    ObjectNode node = Json.object();
    node.put("id", Long.toString(Ids.hashtag(tag)));
    node.put("name", world.hashtags().name(tag));
    period.describe(node);
    publicGains(node, truth.hashtagMedia(tag, period.fromSec(), period.toSec()), perMedia);
    return node;
  }

  ObjectNode earned(String account, Period period) {
    int index = account(account);
    ObjectNode node = accountHeader(index, period);
    publicGains(node, truth.earnedMedia(index, period.fromSec(), period.toSec()), true);
    return node;
  }

  ObjectNode created(String account, Period period) {
    int index = account(account);
    WindowTruth.Inventory inventory = truth.created(index, period.fromSec(), period.toSec());
    ObjectNode node = accountHeader(index, period);
    list(node.putArray("posts"), inventory.posts());
    list(node.putArray("stories"), inventory.stories());
    list(node.putArray("earned"), inventory.earned());
    return node;
  }

  /** Likes and comments, what public counters can show of them, and the media when asked. */
  private void publicGains(ObjectNode node, List<MediaGain> gains, boolean perMedia) {
    node.put("likes_gained", gains.stream().mapToLong(MediaGain::likes).sum());
    node.put("comments_gained", gains.stream().mapToLong(MediaGain::comments).sum());
    node.put("public_gained", gains.stream().mapToLong(MediaGain::publicInteractions).sum());
    node.put("visible_gained", gains.stream().mapToLong(MediaGain::visibleInteractions).sum());
    if (perMedia) {
      ArrayNode media = node.putArray("media");
      for (MediaGain gain : gains) {
        describe(media.addObject(), gain.media(), gain.likesHidden())
            .put("likes_gained", gain.likes())
            .put("comments_gained", gain.comments());
      }
    }
  }

  private void list(ArrayNode target, List<Media> media) {
    for (Media m : media) {
      describe(target.addObject(), m, world.likesHidden(m));
    }
  }

  private static ObjectNode describe(ObjectNode item, Media media, boolean likesHidden) {
    item.put("id", Long.toString(media.id()));
    item.put("ig_user_id", Long.toString(Ids.igUser(media.account())));
    item.put("timestamp", MediaRenderer.timestamp(media.createdSec()));
    item.put("media_type", media.kind().mediaType());
    item.put("media_product_type", media.kind().productType());
    item.put("likes_hidden", likesHidden);
    return item;
  }

  private ObjectNode accountHeader(int index, Period period) {
    ObjectNode node = Json.object();
    node.put("ig_user_id", Long.toString(Ids.igUser(index)));
    node.put("username", world.account(index).username());
    period.describe(node);
    return node;
  }

  /** An account by IG user id or username. */
  private int account(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("an account (ig_user_id or username) is required");
    }
    long id = Ids.parse(text);
    if (id >= 0) {
      if (Ids.kind(id) == Ids.Kind.IG_USER && Ids.accountOfUser(id) < world.accountCount()) {
        return Ids.accountOfUser(id);
      }
      throw new IllegalArgumentException("no such account: " + text);
    }
    int index = world.accountByUsername(text);
    if (index < 0) {
      throw new IllegalArgumentException("no such account: " + text);
    }
    return index;
  }
}
