package io.igpulse.aggregator.topology.account;

import io.igpulse.events.MediaFollows;
import io.igpulse.events.MediaFollowsDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The follows each of an account's media gained, per day (UTC), for the last {@value #KEEP_DAYS}
 * days: which content grows the account's followers.
 */
public record MediaFollowsHistory(TreeMap<Long, Day> days) {

  static final int KEEP_DAYS = 35;

  private static final Comparator<Map.Entry<String, Long>> MOST_FIRST =
      Map.Entry.<String, Long>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  /**
   * One day: follows gained per media (a map this history updates in place), the latest capture.
   */
  public record Day(Map<String, Long> media, long updatedAt) {}

  public MediaFollowsHistory {
    days = new TreeMap<>(days);
  }

  public static MediaFollowsHistory empty() {
    return new MediaFollowsHistory(new TreeMap<>());
  }

  /**
   * Adds what a media gained on a day; false when the day is older than every day kept (it would be
   * dropped at once).
   */
  public boolean add(long epochDay, String mediaId, long follows, long capturedAt) {
    if (days.size() >= KEEP_DAYS && epochDay < days.firstKey()) {
      return false;
    }
    Day day = days.get(epochDay);
    Map<String, Long> media = day == null ? new HashMap<>() : day.media();
    media.merge(mediaId, follows, Long::sum);
    days.put(
        epochDay, new Day(media, day == null ? capturedAt : Math.max(day.updatedAt(), capturedAt)));
    while (days.size() > KEEP_DAYS) {
      days.pollFirstEntry();
    }
    return true;
  }

  /** The day as published: every media that gained follows (net), most first, up to {@code top}. */
  public MediaFollowsDay toEvent(String account, long epochDay, int top) {
    Day day = days.get(epochDay);
    List<Map.Entry<String, Long>> gained =
        day.media().entrySet().stream().filter(e -> e.getValue() != 0).sorted(MOST_FIRST).toList();
    return MediaFollowsDay.newBuilder()
        .setIgUserId(account)
        .setDay(LocalDate.ofEpochDay(epochDay))
        .setFollowsGained(gained.stream().mapToLong(Map.Entry::getValue).sum())
        .setMediaCount(gained.size())
        .setTopMedia(
            gained.stream()
                .limit(top)
                .map(e -> new MediaFollows(e.getKey(), e.getValue()))
                .toList())
        .setUpdatedAt(Instant.ofEpochMilli(day.updatedAt()))
        .build();
  }

  /** Topic key: {@code <account>@<day>}. */
  public static String key(String account, long epochDay) {
    return account + "@" + LocalDate.ofEpochDay(epochDay);
  }
}
