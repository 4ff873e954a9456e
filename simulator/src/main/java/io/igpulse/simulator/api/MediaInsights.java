package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaTotals;
import io.igpulse.simulator.world.World;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers {@code /{media-id}/insights} (also nested as {@code insights.metric(...)}): the whole
 * request fails on one unsupported metric, pre-business media fail with 2108006, brand-new media
 * have no data yet, stories under the viewer threshold fail with code 10.
 */
public final class MediaInsights {

  private static final List<String> NAVIGATION_ACTIONS =
      List.of("tap_forward", "tap_back", "tap_exit", "swipe_forward");
  private static final List<String> PROFILE_ACTIONS =
      List.of("bio_link_clicked", "call", "direction", "email", "other", "text");

  private final World world;
  private final InsightRules rules;

  public MediaInsights(World world, InsightRules rules) {
    this.world = world;
    this.rules = rules;
  }

  /** The {@code data} array; empty when the media is too new to have insights. */
  public ArrayNode data(
      Media media, String metricParam, String breakdown, ApiVersion version, long nowSec) {
    Set<String> metrics = metrics(metricParam);
    for (String metric : metrics) {
      if (!MediaMetricRules.supports(metric, media, version) || rules.retires(metric)) {
        throw GraphErrors.refusedMetric(
                rules.refusalWording().on(version, metric),
                metric,
                List.copyOf(metrics),
                MediaMetricRules.allowed(media, version).stream()
                    .filter(m -> !rules.retires(m))
                    .toList())
            .exception();
      }
    }
    Account account = world.account(media.account());
    if (media.createdSec() < account.businessSinceSec()) {
      throw GraphErrors.preBusinessMedia().exception();
    }
    ArrayNode data = Json.array();
    if (nowSec - media.createdSec() < rules.freshMediaDelay().getSeconds()) {
      return data;
    }
    MediaTotals totals = world.engagement().totals(media, nowSec);
    if (media.isStory() && totals.reach() < rules.storyMinViewers()) {
      throw GraphErrors.notEnoughViewers().exception();
    }
    String id = Long.toString(media.id());
    for (String metric : metrics) {
      MetricTitles.Labels labels = MetricTitles.of(metric);
      ObjectNode entry = data.addObject();
      entry.put("name", metric);
      entry.put("period", "lifetime");
      ObjectNode value = entry.putArray("values").addObject();
      if (metric.equals("reels_skip_rate")) {
        value.put("value", totals.skipRatePercent());
      } else {
        value.put("value", value(metric, totals, media));
      }
      if (metric.equals("navigation") && "story_navigation_action_type".equals(breakdown)) {
        long[] counts = {
          totals.tapsForward(), totals.tapsBack(), totals.tapsExit(), totals.swipeForward()
        };
        entry.set(
            "total_value",
            breakdown(
                "story_navigation_action_type", NAVIGATION_ACTIONS, counts, totals.navigation()));
      }
      if (metric.equals("profile_activity") && "action_type".equals(breakdown)) {
        entry.set(
            "total_value",
            breakdown(
                "action_type",
                PROFILE_ACTIONS,
                profileActions(totals.profileActivity()),
                totals.profileActivity()));
      }
      entry.put("title", labels.title());
      entry.put("description", labels.description());
      entry.put("id", id + "/insights/" + metric + "/lifetime");
    }
    return data;
  }

  /** The requested metric names, trimmed, de-duplicated, in order; code 100 when none. */
  static Set<String> metrics(String metricParam) {
    Set<String> metrics = new LinkedHashSet<>();
    if (metricParam != null) {
      for (String part : metricParam.split(",")) {
        String name = part.trim();
        if (!name.isEmpty()) {
          metrics.add(name);
        }
      }
    }
    if (metrics.isEmpty()) {
      throw GraphErrors.invalidParameter("The parameter metric is required").exception();
    }
    return metrics;
  }

  private static long value(String metric, MediaTotals t, Media media) {
    return switch (metric) {
      case "reach" -> t.reach();
      case "views", "impressions" -> t.views();
      case "saved" -> t.saved();
      case "likes" -> t.likes();
      case "comments" -> t.comments();
      case "shares" -> t.shares();
      case "reposts" -> t.reposts();
      case "total_interactions" -> t.totalInteractions(media.isStory());
      case "profile_activity" -> t.profileActivity();
      case "profile_visits" -> t.profileVisits();
      case "follows" -> t.follows();
      case "navigation" -> t.navigation();
      case "replies" -> t.replies();
      case "ig_reels_avg_watch_time" -> t.avgWatchTimeMs();
      case "ig_reels_video_view_total_time" -> t.avgWatchTimeMs() * t.views();
      case "crossposted_views" -> t.views() + t.facebookViews();
      case "facebook_views" -> t.facebookViews();
      default -> throw GraphErrors.unsupportedMetric(metric).exception();
    };
  }

  /**
   * Profile activity split over its six actions, deterministically: the shares (40, 20, 15, 10, 10,
   * 5 %) of the total, the rounding remainder on the first, so the parts sum to the total.
   */
  static long[] profileActions(long total) {
    int[] percent = {40, 20, 15, 10, 10, 5};
    long[] parts = new long[percent.length];
    long sum = 0;
    for (int i = 1; i < percent.length; i++) {
      parts[i] = total * percent[i] / 100;
      sum += parts[i];
    }
    parts[0] = total - sum;
    return parts;
  }

  private static ObjectNode breakdown(
      String dimension, List<String> keys, long[] values, long total) {
    ObjectNode node = Json.object();
    node.put("value", total);
    ObjectNode breakdown = node.putArray("breakdowns").addObject();
    breakdown.putArray("dimension_keys").add(dimension);
    ArrayNode results = breakdown.putArray("results");
    for (int i = 0; i < values.length; i++) {
      ObjectNode result = results.addObject();
      result.putArray("dimension_values").add(keys.get(i));
      result.put("value", values[i]);
    }
    return node;
  }
}
