package io.igpulse.aggregator.query;

import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.trend.ScoredHashtag;
import io.igpulse.events.AccountTrend;
import io.igpulse.events.EarnedMediaTrend;
import io.igpulse.events.FollowerGrowth;
import io.igpulse.events.MediaContribution;
import io.igpulse.events.MediaFollowsDay;
import io.igpulse.events.PostingHours;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The query API's JSON shapes (documented in the aggregator README). */
final class TrendJson {

  private TrendJson() {}

  static JsonObject account(AccountTrend trend) {
    return new JsonObject()
        .put("igUserId", trend.getIgUserId())
        .put("windowStart", trend.getWindowStart().toString())
        .put("windowEnd", trend.getWindowEnd().toString())
        .put("engagementGained", trend.getEngagementGained())
        .put("reachGained", trend.getReachGained())
        .put("viewsGained", trend.getViewsGained())
        .put("contributingMedia", trend.getContributingMedia())
        .put("topMedia", topMedia(trend.getTopMedia()))
        .put("velocityPerHour", trend.getVelocityPerHour())
        .put("baselineVelocityPerHour", trend.getBaselineVelocityPerHour())
        .put("trendScore", trend.getTrendScore());
  }

  static JsonObject earned(EarnedMediaTrend trend) {
    return new JsonObject()
        .put("igUserId", trend.getIgUserId())
        .put("windowStart", trend.getWindowStart().toString())
        .put("windowEnd", trend.getWindowEnd().toString())
        .put("engagementGained", trend.getEngagementGained())
        .put("likesGained", trend.getLikesGained())
        .put("commentsGained", trend.getCommentsGained())
        .put("contributingMedia", trend.getContributingMedia())
        .put("topMedia", topMedia(trend.getTopMedia()))
        .put("updatedAt", trend.getUpdatedAt().toString());
  }

  private static JsonArray topMedia(List<MediaContribution> media) {
    JsonArray top = new JsonArray();
    media.forEach(
        m ->
            top.add(
                new JsonObject()
                    .put("mediaId", m.getMediaId())
                    .put("engagementGained", m.getEngagementGained())));
    return top;
  }

  static JsonObject hashtag(ScoredHashtag trend, Integer rank) {
    return new JsonObject()
        .put("hashtag", trend.hashtag())
        .put("windowStart", Instant.ofEpochMilli(trend.windowStart()).toString())
        .put("windowEnd", Instant.ofEpochMilli(trend.windowEnd()).toString())
        .put("rank", rank)
        .put("engagementGained", trend.engagement())
        .put("distinctMedia", trend.distinctMedia())
        .put("distinctAccounts", trend.distinctAccounts())
        .put("velocityPerHour", trend.velocity())
        .put("baselineVelocityPerHour", trend.baseline())
        .put("trendScore", trend.score());
  }

  static JsonObject postingHours(PostingHours hours) {
    JsonArray byHour = new JsonArray();
    hours
        .getHours()
        .forEach(
            h ->
                byHour.add(
                    new JsonObject()
                        .put("hourOfWeek", h.getHourOfWeek())
                        .put("media", h.getMedia())
                        .put("engagementGained", h.getEngagementGained())));
    return new JsonObject()
        .put("igUserId", hours.getIgUserId())
        .put("bestHours", new JsonArray(hours.getBestHours()))
        .put("hours", byHour)
        .put("updatedAt", hours.getUpdatedAt().toString());
  }

  static JsonObject windows(List<WindowSpec> families) {
    JsonArray windows = new JsonArray();
    families.forEach(
        spec ->
            windows.add(
                new JsonObject()
                    .put("name", spec.name())
                    .put("size", spec.size().toString())
                    .put("advance", spec.advance().toString())));
    return new JsonObject().put("windows", windows);
  }

  static JsonObject followers(FollowerGrowth growth) {
    return new JsonObject()
        .put("day", growth.getDay().toString())
        .put("followersCount", growth.getFollowersCount())
        .put("newFollowers", growth.getNewFollowers())
        .put("netChange", growth.getNetChange());
  }

  static JsonObject mediaFollows(MediaFollowsDay day) {
    JsonArray media = new JsonArray();
    day.getTopMedia()
        .forEach(
            m ->
                media.add(
                    new JsonObject()
                        .put("mediaId", m.getMediaId())
                        .put("followsGained", m.getFollowsGained())));
    return new JsonObject()
        .put("account", day.getIgUserId())
        .put("day", day.getDay().toString())
        .put("followsGained", day.getFollowsGained())
        .put("mediaCount", day.getMediaCount())
        .put("media", media)
        .put("updatedAt", day.getUpdatedAt().toString());
  }

  /** A day the account's media gained no follows. */
  static JsonObject noMediaFollows(String account, LocalDate day) {
    return new JsonObject()
        .put("account", account)
        .put("day", day.toString())
        .put("followsGained", 0L)
        .put("mediaCount", 0)
        .put("media", new JsonArray())
        .putNull("updatedAt");
  }
}
