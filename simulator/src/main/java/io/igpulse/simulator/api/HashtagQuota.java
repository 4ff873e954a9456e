package io.igpulse.simulator.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * At most 30 unique hashtags per account per rolling 7 days. Searching a tag already in the window
 * costs nothing and does not reset its clock.
 */
public final class HashtagQuota {

  public static final int UNIQUE_TAGS = 30;
  public static final long WINDOW_SEC = 7 * 86_400L;

  private final Map<Integer, LinkedHashMap<Integer, Long>> searched = new HashMap<>();

  /** Records the search; throws the quota error when it would be a 31st tag. */
  public synchronized void search(int account, int tag, long nowSec) {
    LinkedHashMap<Integer, Long> tags = window(account, nowSec);
    if (tags.containsKey(tag)) {
      return;
    }
    if (tags.size() >= UNIQUE_TAGS) {
      throw GraphErrors.hashtagQuotaSpent().exception();
    }
    tags.put(tag, nowSec);
  }

  /** The tags searched in the window, oldest first. */
  public synchronized List<Integer> recent(int account, long nowSec) {
    return new ArrayList<>(window(account, nowSec).keySet());
  }

  private LinkedHashMap<Integer, Long> window(int account, long nowSec) {
    LinkedHashMap<Integer, Long> tags =
        searched.computeIfAbsent(account, a -> new LinkedHashMap<>());
    Iterator<Map.Entry<Integer, Long>> it = tags.entrySet().iterator();
    while (it.hasNext()) {
      if (nowSec - it.next().getValue() >= WINDOW_SEC) {
        it.remove();
      }
    }
    return tags;
  }
}
