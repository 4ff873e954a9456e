package io.igpulse.graphapi.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-account hashtag allowance: 30 unique hashtags per rolling 7 days. Repeating a hashtag
 * already in the window is free and does not restart its clock. The account's window can be synced
 * from {@code recently_searched_hashtags}, which lists names but no times: a synced tag that was
 * unknown is assumed searched at sync time (the conservative choice).
 */
public final class HashtagBudget {

  public static final int UNIQUE_PER_WINDOW = 30;
  public static final Duration WINDOW = Duration.ofDays(7);

  private final int limit;
  private final Duration window;
  private final Map<String, Map<String, Instant>> byAccount = new ConcurrentHashMap<>();

  public HashtagBudget() {
    this(UNIQUE_PER_WINDOW, WINDOW);
  }

  public HashtagBudget(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  /** Takes one search of {@code tag} for the account if allowed; false when the budget is spent. */
  public boolean tryAcquire(String account, String tag, Instant now) {
    Map<String, Instant> tags = tagsOf(account);
    synchronized (tags) {
      prune(tags, now);
      String key = normal(tag);
      if (tags.containsKey(key)) {
        return true;
      }
      if (tags.size() >= limit) {
        return false;
      }
      tags.put(key, now);
      return true;
    }
  }

  /** Unique tags left for the account now. */
  public int remaining(String account, Instant now) {
    Map<String, Instant> tags = tagsOf(account);
    synchronized (tags) {
      prune(tags, now);
      return Math.max(0, limit - tags.size());
    }
  }

  /** When the next unique slot frees up (now if one is free). */
  public Instant nextFreeSlot(String account, Instant now) {
    Map<String, Instant> tags = tagsOf(account);
    synchronized (tags) {
      prune(tags, now);
      if (tags.size() < limit) {
        return now;
      }
      return tags.values().stream().min(Instant::compareTo).orElse(now).plus(window);
    }
  }

  /** Merges the account's list from {@code recently_searched_hashtags}. */
  public void sync(String account, Collection<String> recentlySearched, Instant now) {
    Map<String, Instant> tags = tagsOf(account);
    synchronized (tags) {
      prune(tags, now);
      for (String tag : recentlySearched) {
        tags.putIfAbsent(normal(tag), now);
      }
    }
  }

  private Map<String, Instant> tagsOf(String account) {
    return byAccount.computeIfAbsent(account, a -> new HashMap<>());
  }

  private void prune(Map<String, Instant> tags, Instant now) {
    Instant horizon = now.minus(window);
    tags.values().removeIf(at -> !at.isAfter(horizon));
  }

  private static String normal(String tag) {
    String t = tag.trim().toLowerCase(Locale.ROOT);
    return t.startsWith("#") ? t.substring(1) : t;
  }
}
