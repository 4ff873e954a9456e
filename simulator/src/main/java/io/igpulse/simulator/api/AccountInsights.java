package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Demographics;
import io.igpulse.simulator.world.Mix;
import io.igpulse.simulator.world.World;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers {@code /{ig-user-id}/insights} in its two shapes: {@code time_series} (one value per day
 * ending at 08:00 UTC, Pacific midnight) and {@code total_value} (one value, optionally broken
 * down). Daily figures are deterministic functions of the account, the day and its followers.
 */
public final class AccountInsights {

  private static final long DAY = 86_400L;

  /** Days end at Pacific midnight, 08:00 UTC, as in the real answers. */
  private static final long DAY_END_OFFSET = 8 * 3_600L;

  private final World world;
  private final Links links;

  public AccountInsights(World world, Links links) {
    this.world = world;
    this.links = links;
  }

  public ObjectNode answer(Call call, int account) {
    List<String> metrics = new ArrayList<>(MediaInsights.metrics(call.param("metric")));
    String period = call.param("period") == null ? "day" : call.param("period");
    boolean totalValue = "total_value".equals(call.param("metric_type"));
    String breakdown = call.param("breakdown");
    long now = call.nowSec();
    long until = time(call.param("until"), dayEnd(now));
    long since = time(call.param("since"), until - 2 * DAY);
    long followers = world.followers(account, now);
    AccountMetricRules.check(
        metrics,
        period,
        totalValue,
        breakdown,
        call.param("timeframe"),
        since,
        until,
        now,
        followers);
    ObjectNode result = Json.object();
    ArrayNode data = result.putArray("data");
    String id = Long.toString(world.account(account).igUserId());
    for (String metric : metrics) {
      MetricTitles.Labels labels = MetricTitles.ofAccount(metric);
      ObjectNode entry = data.addObject();
      entry.put("name", metric);
      entry.put("period", period);
      if (totalValue) {
        entry.put("title", labels.title());
        entry.put("description", labels.description());
        entry.set("total_value", totalValue(account, metric, breakdown, since, until));
      } else {
        ArrayNode values = entry.putArray("values");
        for (long end = firstDayEnd(since); end <= until; end += DAY) {
          ObjectNode value = values.addObject();
          value.put("value", periodValue(account, metric, period, end));
          value.put("end_time", MediaRenderer.timestamp(end));
        }
        entry.put("title", labels.title());
        entry.put("description", labels.description());
      }
      entry.put("id", id + "/insights/" + metric + "/" + period);
    }
    if (!totalValue) {
      ObjectNode paging = result.putObject("paging");
      long span = until - since;
      paging.put("previous", link(call, since - span, since));
      paging.put("next", link(call, until, until + span));
    }
    return result;
  }

  private ObjectNode totalValue(
      int account, String metric, String breakdown, long since, long until) {
    ObjectNode total = Json.object();
    if (AccountMetricRules.DEMOGRAPHICS.contains(metric)) {
      long population = world.followers(account, until);
      if (!metric.equals("follower_demographics")) {
        population = population / (metric.startsWith("engaged") ? 10 : 3);
      }
      ObjectNode breakdownNode = total.putArray("breakdowns").addObject();
      breakdownNode.putArray("dimension_keys").add(breakdown);
      ArrayNode results = breakdownNode.putArray("results");
      if (Demographics.dimensions().contains(breakdown)) {
        for (Demographics.Segment segment :
            Demographics.split(
                world.spec().seed(),
                account,
                breakdown,
                population,
                AccountMetricRules.TOP_VALUES)) {
          ObjectNode result = results.addObject();
          result.putArray("dimension_values").add(segment.value());
          result.put("value", segment.count());
        }
      }
      return total;
    }
    long sum = 0;
    for (long end = firstDayEnd(since); end <= until; end += DAY) {
      sum += daily(account, metric, end);
    }
    if (metric.equals("reach") || metric.equals("accounts_engaged")) {
      sum = sum * 7 / 10; // not additive: people reached on several days count once
    }
    total.put("value", sum);
    if (breakdown != null && !AccountMetricRules.DEMOGRAPHICS.contains(metric)) {
      ObjectNode breakdownNode = total.putArray("breakdowns").addObject();
      breakdownNode.putArray("dimension_keys").add(breakdown);
      ArrayNode results = breakdownNode.putArray("results");
      List<String> keys =
          switch (breakdown) {
            case "follow_type", "follower_type" -> List.of("FOLLOWER", "NON_FOLLOWER");
            case "media_product_type" -> List.of("POST", "REEL", "STORY", "CAROUSEL_CONTAINER");
            default -> List.of();
          };
      long left = sum;
      for (int i = 0; i < keys.size(); i++) {
        long part = i == keys.size() - 1 ? left : left / 2;
        left -= part;
        ObjectNode result = results.addObject();
        result.putArray("dimension_values").add(keys.get(i));
        result.put("value", part);
      }
    }
    return total;
  }

  private long periodValue(int account, String metric, String period, long dayEnd) {
    int days =
        switch (period) {
          case "week" -> 7;
          case "days_28" -> 28;
          default -> 1;
        };
    long sum = 0;
    for (int d = 0; d < days; d++) {
      sum += daily(account, metric, dayEnd - d * DAY);
    }
    return sum;
  }

  /** The metric's value for the day ending at {@code dayEnd}. */
  private long daily(int account, String metric, long dayEnd) {
    Account a = world.account(account);
    long day = Math.floorDiv(dayEnd, DAY);
    if (metric.equals("follower_count")) {
      long gained =
          world.followers(account, dayEnd - 1) - world.followers(account, dayEnd - 1 - DAY);
      return Math.max(0, gained) + Mix.below(Mix.hash(world.spec().seed(), account, day, 95), 3);
    }
    double reach =
        a.baseFollowers() * Mix.between(Mix.hash(world.spec().seed(), account, day, 96), 0.05, 0.4);
    double factor =
        switch (metric) {
          case "reach" -> 1;
          case "views" -> 1.8;
          case "accounts_engaged" -> 0.1;
          case "total_interactions" -> 0.08;
          case "likes" -> 0.06;
          case "comments" -> 0.006;
          case "shares", "saves", "reposts" -> 0.005;
          case "replies" -> a.quietReplies() ? 0 : 0.002;
          case "profile_views" -> 0.03;
          case "website_clicks", "profile_links_taps" -> 0.004;
          case "follows_and_unfollows" -> 0.003;
          case "online_followers" -> 0.5;
          default -> 0;
        };
    return (long) (reach * factor);
  }

  private String link(Call call, long since, long until) {
    Map<String, String> range = new LinkedHashMap<>();
    range.put("since", Long.toString(since));
    range.put("until", Long.toString(until));
    return links.with(call, range);
  }

  /** The end of the simulated day containing {@code sec}. */
  private static long dayEnd(long sec) {
    return Math.floorDiv(sec - DAY_END_OFFSET, DAY) * DAY + DAY_END_OFFSET + DAY;
  }

  private static long firstDayEnd(long since) {
    return Math.floorDiv(since - DAY_END_OFFSET, DAY) * DAY + DAY_END_OFFSET + DAY;
  }

  /** Unix seconds or an ISO date; {@code fallback} when absent. */
  private static long time(String text, long fallback) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      } catch (RuntimeException notADate) {
        try {
          return Instant.parse(text).getEpochSecond();
        } catch (RuntimeException notAnInstant) {
          throw GraphErrors.invalidParameter("since and until must be unix timestamps or dates")
              .exception();
        }
      }
    }
  }
}
