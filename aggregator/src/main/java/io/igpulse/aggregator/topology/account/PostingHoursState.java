package io.igpulse.aggregator.topology.account;

import io.igpulse.events.HourOfWeekEngagement;
import io.igpulse.events.PostingHours;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Per hour of week: how many media an account posted and what they gained in their first 24 h. The
 * best hours are those with the most engagement per media (an hour with one viral post and an hour
 * with many good ones compare fairly), ties going to the earlier hour.
 */
public record PostingHoursState(int[] media, long[] engagement, long updatedAt) {

  static final int BEST = 3;

  public static PostingHoursState empty() {
    return new PostingHoursState(new int[HourOfWeek.HOURS], new long[HourOfWeek.HOURS], 0);
  }

  public PostingHoursState add(int hour, long engagementGained, boolean newMedia, long capturedAt) {
    engagement[hour] += engagementGained;
    if (newMedia) {
      media[hour]++;
    }
    return new PostingHoursState(media, engagement, Math.max(updatedAt, capturedAt));
  }

  public List<Integer> bestHours() {
    return IntStream.range(0, HourOfWeek.HOURS)
        .filter(h -> media[h] > 0)
        .boxed()
        .sorted(
            Comparator.comparingDouble((Integer h) -> -(double) engagement[h] / media[h])
                .thenComparingInt(h -> h))
        .limit(BEST)
        .toList();
  }

  public PostingHours toEvent(String account) {
    List<HourOfWeekEngagement> hours = new ArrayList<>();
    for (int h = 0; h < HourOfWeek.HOURS; h++) {
      if (media[h] > 0 || engagement[h] != 0) {
        hours.add(new HourOfWeekEngagement(h, media[h], engagement[h]));
      }
    }
    return PostingHours.newBuilder()
        .setIgUserId(account)
        .setHours(hours)
        .setBestHours(bestHours())
        .setUpdatedAt(Instant.ofEpochMilli(updatedAt))
        .build();
  }
}
