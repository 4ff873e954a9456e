package io.igpulse.simulator.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.api.Json;
import io.igpulse.simulator.api.MediaRenderer;
import io.igpulse.simulator.clock.SimClock;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.GroundTruth;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaTotals;
import io.igpulse.simulator.world.World;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The ground truth as the control API reports it: true media totals and true trends, now. */
final class TruthReports {

  private final World world;
  private final SimClock clock;
  private final GroundTruth truth;

  TruthReports(World world, SimClock clock) {
    this.world = world;
    this.clock = clock;
    this.truth = new GroundTruth(world);
  }

  ObjectNode media(String idText) {
    Media media = world.findMedia(Ids.parse(idText));
    if (media == null) {
      throw new IllegalArgumentException("no such media: " + idText);
    }
    long now = clock.nowEpochSecond();
    MediaTotals t = world.engagement().totals(media, now);
    ObjectNode node = Json.object();
    node.put("id", idText);
    node.put("ig_user_id", Long.toString(Ids.igUser(media.account())));
    node.put("media_type", media.kind().mediaType());
    node.put("media_product_type", media.kind().productType());
    node.put("timestamp", MediaRenderer.timestamp(media.createdSec()));
    node.put("exists", media.isLiveAt(now));
    node.put("likes_hidden", world.likesHidden(media));
    node.put("cross_posted", media.crossPosted());
    node.put("at", Instant.ofEpochSecond(now).toString());
    ObjectNode lifetime = node.putObject("lifetime");
    lifetime.put("reach", t.reach());
    lifetime.put("views", t.views());
    lifetime.put("likes", t.likes());
    lifetime.put("comments", t.comments());
    lifetime.put("saved", t.saved());
    lifetime.put("shares", t.shares());
    lifetime.put("reposts", t.reposts());
    lifetime.put("total_interactions", t.totalInteractions(media.isStory()));
    lifetime.put("follows", t.follows());
    lifetime.put("profile_visits", t.profileVisits());
    lifetime.put("replies", t.replies());
    lifetime.put("navigation", t.navigation());
    lifetime.put("profile_activity", t.profileActivity());
    lifetime.put("reels_skip_rate", t.skipRatePercent());
    lifetime.put("facebook_views", t.facebookViews());
    return node;
  }

  ObjectNode trends(String window, int limit) {
    Duration span;
    try {
      span = Duration.parse(window == null ? "PT1H" : window);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("window must be an ISO-8601 duration: " + window, e);
    }
    long to = clock.nowEpochSecond();
    long from = to - span.getSeconds();
    GroundTruth.Trends trends = truth.trends(from, to, limit);
    ObjectNode node = Json.object();
    node.put("window", span.toString());
    node.put("from", Instant.ofEpochSecond(from).toString());
    node.put("to", Instant.ofEpochSecond(to).toString());
    ArrayNode accounts = node.putArray("accounts");
    for (GroundTruth.Gain gain : trends.accounts()) {
      Account a = world.account(gain.index());
      accounts
          .addObject()
          .put("ig_user_id", Long.toString(a.igUserId()))
          .put("username", a.username())
          .put("engagement", gain.engagement())
          .put("reach", gain.reach());
    }
    ArrayNode hashtags = node.putArray("hashtags");
    for (GroundTruth.Gain gain : trends.hashtags()) {
      hashtags
          .addObject()
          .put("id", Long.toString(Ids.hashtag(gain.index())))
          .put("name", world.hashtags().name(gain.index()))
          .put("engagement", gain.engagement())
          .put("reach", gain.reach());
    }
    return node;
  }
}
