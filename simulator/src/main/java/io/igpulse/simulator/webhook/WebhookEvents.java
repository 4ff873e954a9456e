package io.igpulse.simulator.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.api.Json;
import io.igpulse.simulator.world.AccountMedia;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaTotals;
import io.igpulse.simulator.world.Mix;
import io.igpulse.simulator.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which notifications the world's changes between two instants raise: new comments on recent posts,
 * new media mentioning an account, and stories that expired (with their final insights). Pure.
 */
public final class WebhookEvents {

  /** Comments are notified for posts younger than this. */
  private static final long COMMENT_WINDOW_SEC = 3 * 86_400L;

  private static final int MAX_COMMENTS_PER_MEDIA = 3;

  private final World world;
  private final StoryInsightsFields storyFields;
  private final int maxEvents;

  public WebhookEvents(World world, StoryInsightsFields storyFields, int maxEvents) {
    this.world = world;
    this.storyFields = storyFields;
    this.maxEvents = maxEvents;
  }

  /** Events for changes in (fromSec, toSec], for the first {@code accounts} accounts. */
  public List<WebhookEvent> between(long fromSec, long toSec, int accounts, Set<String> fields) {
    List<WebhookEvent> events = new ArrayList<>();
    int limit = Math.min(accounts, world.accountCount());
    for (int a = 0; a < limit && events.size() < maxEvents; a++) {
      if (fields.contains("comments")) {
        comments(a, fromSec, toSec, events);
      }
      if (fields.contains("mentions")) {
        mentions(a, fromSec, toSec, events);
      }
      if (fields.contains("story_insights")) {
        stories(a, fromSec, toSec, events);
      }
    }
    return events.size() > maxEvents ? events.subList(0, maxEvents) : events;
  }

  private void comments(int account, long from, long to, List<WebhookEvent> events) {
    AccountMedia schedule = world.schedule(account);
    for (int ord = schedule.postsVisibleAt(to) - 1; ord >= 0; ord--) {
      Media media = world.post(account, ord);
      if (media.createdSec() < to - COMMENT_WINDOW_SEC) {
        break;
      }
      long before = world.engagement().totals(media, from).comments();
      long after = world.engagement().totals(media, to).comments();
      for (long n = before; n < after && n < before + MAX_COMMENTS_PER_MEDIA; n++) {
        ObjectNode value = Json.object();
        long commentId =
            17_865_000_000_000_000L + Math.floorMod(Mix.hash(media.id(), n), 100_000_000_000L);
        value.put("id", Long.toString(commentId));
        long fan = Math.floorMod(Mix.hash(media.id(), n, 1), 1_000_000L);
        value
            .putObject("from")
            .put("id", Long.toString(17_841_499_000_000_000L + fan))
            .put("username", "fan_" + fan);
        value.put("text", "Comment " + (n + 1) + " on " + media.shortcode());
        value
            .putObject("media")
            .put("id", Long.toString(media.id()))
            .put("media_product_type", media.kind().productType());
        events.add(new WebhookEvent(Ids.igUser(account), to, "comments", value));
      }
    }
  }

  private void mentions(int account, long from, long to, List<WebhookEvent> events) {
    for (long id : world.taggedIn(account)) {
      Media media = world.findMedia(id);
      if (media != null && media.createdSec() > from && media.createdSec() <= to) {
        ObjectNode value = Json.object();
        value.put("media_id", Long.toString(id));
        events.add(new WebhookEvent(Ids.igUser(account), media.createdSec(), "mentions", value));
      }
    }
  }

  private void stories(int account, long from, long to, List<WebhookEvent> events) {
    AccountMedia schedule = world.schedule(account);
    int created = schedule.storiesCreatedBy(to - Media.STORY_LIFETIME_SEC);
    for (int s = created - 1; s >= 0; s--) {
      Media story = world.story(account, s);
      long expiry = story.createdSec() + Media.STORY_LIFETIME_SEC;
      if (expiry <= from) {
        break;
      }
      MediaTotals t = world.engagement().totals(story, expiry);
      ObjectNode value = Json.object();
      value.put("media_id", Long.toString(story.id()));
      if (storyFields == StoryInsightsFields.LEGACY) {
        value.put("impressions", t.views());
        value.put("reach", t.reach());
        value.put("taps_forward", t.tapsForward());
        value.put("taps_back", t.tapsBack());
        value.put("exits", t.tapsExit());
        value.put("replies", t.replies());
      } else {
        value.put("views", t.views());
        value.put("reach", t.reach());
        value.put("replies", t.replies());
        value.put("shares", t.shares());
        value.put("total_interactions", t.totalInteractions(true));
        value.put("navigation", t.navigation());
      }
      events.add(new WebhookEvent(Ids.igUser(account), expiry, "story_insights", value));
    }
  }
}
