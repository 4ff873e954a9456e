package io.igpulse.collector.discovery;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The (account, source, hashtag, media) combinations this instance knows were emitted, per followed
 * account, plus those being emitted right now. A combination is claimed before it is sent and
 * confirmed only once its transaction committed, so two polls that find the same media at once emit
 * it once, and an aborted transaction leaves it to be found again. Rebuilt from the seen topic when
 * an accounts partition is assigned.
 */
public final class SeenState {

  private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> pending = new ConcurrentHashMap<>();

  /** Marks a key seen (loading from the seen topic). */
  public void load(SeenKey key) {
    setOf(seen, key.account()).add(key.withinAccount());
  }

  public boolean isSeen(SeenKey key) {
    Set<String> keys = seen.get(key.account());
    return keys != null && keys.contains(key.withinAccount());
  }

  /** True when the caller may emit this key: not seen and not being emitted by someone else. */
  public boolean claim(SeenKey key) {
    if (isSeen(key)) {
      return false;
    }
    return setOf(pending, key.account()).add(key.withinAccount());
  }

  /** The transaction holding these keys committed. */
  public void confirm(Collection<SeenKey> keys) {
    for (SeenKey key : keys) {
      setOf(seen, key.account()).add(key.withinAccount());
      release(key);
    }
  }

  /** The transaction holding these keys did not commit: they may be found and emitted again. */
  public void release(Collection<SeenKey> keys) {
    keys.forEach(this::release);
  }

  private void release(SeenKey key) {
    Set<String> keys = pending.get(key.account());
    if (keys != null) {
      keys.remove(key.withinAccount());
    }
  }

  /** Drops what is known of accounts this instance no longer owns. */
  public void forget(Collection<String> accounts) {
    accounts.forEach(
        a -> {
          seen.remove(a);
          pending.remove(a);
        });
  }

  /** Seen keys of one account (metrics, tests). */
  public int count(String account) {
    Set<String> keys = seen.get(account);
    return keys == null ? 0 : keys.size();
  }

  private static Set<String> setOf(Map<String, Set<String>> map, String account) {
    return map.computeIfAbsent(account, a -> ConcurrentHashMap.newKeySet());
  }
}
