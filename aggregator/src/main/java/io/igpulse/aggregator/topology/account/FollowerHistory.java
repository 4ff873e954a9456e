package io.igpulse.aggregator.topology.account;

import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.FollowerGrowth;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An account's follower numbers per day (the last {@value #KEEP_DAYS} days). The net change of a
 * day is its followers_count minus that of the latest earlier day that has one; a later snapshot of
 * the same day replaces the earlier one, value by value (a value it lacks is kept).
 */
public record FollowerHistory(TreeMap<Long, Day> days) {

  static final int KEEP_DAYS = 400;

  /** One day's numbers. */
  public record Day(Long followersCount, Long newFollowers, long capturedAt) {}

  public FollowerHistory {
    days = new TreeMap<>(days);
  }

  public static FollowerHistory empty() {
    return new FollowerHistory(new TreeMap<>());
  }

  /**
   * Records a snapshot; returns the days whose growth changed (the snapshot's day and the next
   * known one).
   */
  public List<Long> record(AccountInsightSnapshot snapshot) {
    long day = snapshot.getDay().toEpochDay();
    long capturedAt = snapshot.getCapturedAt().toEpochMilli();
    Day before = days.get(day);
    if (before != null && capturedAt < before.capturedAt()) {
      return List.of();
    }
    Long followers =
        snapshot.getFollowersCount() != null || before == null
            ? snapshot.getFollowersCount()
            : before.followersCount();
    Long newFollowers =
        snapshot.getNewFollowers() != null || before == null
            ? snapshot.getNewFollowers()
            : before.newFollowers();
    days.put(day, new Day(followers, newFollowers, capturedAt));
    while (days.size() > KEEP_DAYS) {
      days.pollFirstEntry();
    }
    List<Long> changed = new ArrayList<>(List.of(day));
    Long next = days.higherKey(day);
    if (next != null) {
      changed.add(next);
    }
    return changed;
  }

  public FollowerGrowth growth(String account, long day) {
    Day today = days.get(day);
    Long net = null;
    if (today.followersCount() != null) {
      for (Map.Entry<Long, Day> earlier = days.lowerEntry(day);
          earlier != null;
          earlier = days.lowerEntry(earlier.getKey())) {
        if (earlier.getValue().followersCount() != null) {
          net = today.followersCount() - earlier.getValue().followersCount();
          break;
        }
      }
    }
    return FollowerGrowth.newBuilder()
        .setIgUserId(account)
        .setDay(LocalDate.ofEpochDay(day))
        .setFollowersCount(today.followersCount())
        .setNewFollowers(today.newFollowers())
        .setNetChange(net)
        .setUpdatedAt(Instant.ofEpochMilli(today.capturedAt()))
        .build();
  }
}
