package io.igpulse.aggregator.topology.account;

import io.igpulse.events.MediaFollows;
import io.igpulse.events.MediaFollowsDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The follows each media of one account gained on one day (UTC), stored under {@link #key}: which
 * content grows the account's followers. Mutable, as the other per-record aggregates.
 */
public final class DayFollows {

  /** Days kept per account. */
  public static final int KEEP_DAYS = 35;

  private static final Comparator<Map.Entry<String, Long>> MOST_FIRST =
      Map.Entry.<String, Long>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  private final Map<String, Long> media;
  private long updatedAt;

  private DayFollows(Map<String, Long> media, long updatedAt) {
    this.media = media;
    this.updatedAt = updatedAt;
  }

  public static DayFollows empty() {
    return new DayFollows(new HashMap<>(), 0);
  }

  /** As stored (the serde's way back). */
  public static DayFollows restore(Map<String, Long> media, long updatedAt) {
    return new DayFollows(new HashMap<>(media), updatedAt);
  }

  /** Adds what a media gained that day, counted from a snapshot captured at {@code capturedAt}. */
  public DayFollows add(String mediaId, long follows, long capturedAt) {
    media.merge(mediaId, follows, Long::sum);
    updatedAt = Math.max(updatedAt, capturedAt);
    return this;
  }

  public Map<String, Long> media() {
    return media;
  }

  public long updatedAt() {
    return updatedAt;
  }

  /** The day as published: every media that gained follows (net), most first, up to {@code top}. */
  public MediaFollowsDay toEvent(String account, long epochDay, int top) {
    List<Map.Entry<String, Long>> gained =
        media.entrySet().stream().filter(e -> e.getValue() != 0).sorted(MOST_FIRST).toList();
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
        .setUpdatedAt(Instant.ofEpochMilli(updatedAt))
        .build();
  }

  /**
   * Store and topic key: {@code <account>@<ISO day>}. An account's days sort by date under it (ISO
   * dates sort as text), which the processor's purge of old days relies on.
   */
  public static String key(String account, long epochDay) {
    return account + "@" + LocalDate.ofEpochDay(epochDay);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DayFollows other
        && updatedAt == other.updatedAt
        && media.equals(other.media);
  }

  @Override
  public int hashCode() {
    return media.hashCode() * 31 + Long.hashCode(updatedAt);
  }
}
