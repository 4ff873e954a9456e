package io.igpulse.collector.discovery;

import io.igpulse.events.DiscoverySource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The (account, source, hashtag, media) combinations this instance knows were emitted, per followed
 * account, plus those being emitted right now. A combination is claimed before it is sent and
 * confirmed only once its transaction committed, so two polls that find the same media at once emit
 * it once, and an aborted transaction leaves it to be found again. Rebuilt from the seen topic when
 * an accounts partition is assigned. Markers of media the API can no longer list ({@link
 * SeenExpiry}) are dropped by {@link #expire}, so the state stays bounded by what can still be
 * found.
 */
public final class SeenState {

  private final SeenExpiry expiry;
  private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> pending = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Expiring>> expiring = new ConcurrentHashMap<>();

  /**
   * The accounts partition of each account with markers, so that a revocation drops the markers of
   * accounts this instance loaded but never polled (deactivated ones) as well.
   */
  private final Map<String, Integer> partitions = new ConcurrentHashMap<>();

  private record Expiring(SeenMarker marker, Instant at) {}

  public SeenState(SeenExpiry expiry) {
    this.expiry = expiry;
  }

  /** Marks a key seen (loading from the seen topic). */
  public void load(SeenMarker marker) {
    remember(marker);
  }

  /** Drops a marker: it expired, or its tombstone was read back from the seen topic. */
  public void unload(SeenKey key) {
    Set<String> keys = seen.get(key.account());
    if (keys != null) {
      keys.remove(key.withinAccount());
    }
    Map<String, Expiring> markers = expiring.get(key.account());
    if (markers != null) {
      markers.remove(key.withinAccount());
    }
  }

  /** See {@link SeenExpiry#tooOldToTell}. */
  public boolean tooOldToTell(DiscoverySource source, Instant postedAt, Instant now) {
    return expiry.tooOldToTell(source, postedAt, now);
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

  /** The transaction holding these markers committed. */
  public void confirm(Collection<SeenMarker> markers) {
    for (SeenMarker marker : markers) {
      remember(marker);
      release(marker.key());
    }
  }

  /** The transaction holding these keys did not commit: they may be found and emitted again. */
  public void release(Collection<SeenKey> keys) {
    keys.forEach(this::release);
  }

  /**
   * Drops the markers whose media can no longer be listed at {@code now} and returns them, to be
   * deleted from the seen topic as well.
   */
  public List<SeenMarker> expire(Instant now) {
    List<SeenMarker> expired = new ArrayList<>();
    expiring
        .values()
        .forEach(
            markers ->
                markers.values().stream()
                    .filter(e -> !e.at().isAfter(now))
                    .forEach(e -> expired.add(e.marker())));
    expired.forEach(marker -> unload(marker.key()));
    return expired;
  }

  private void remember(SeenMarker marker) {
    SeenKey key = marker.key();
    partitions.put(key.account(), marker.partition());
    setOf(seen, key.account()).add(key.withinAccount());
    expiry
        .expiresAt(marker)
        .ifPresent(
            at ->
                expiring
                    .computeIfAbsent(key.account(), a -> new ConcurrentHashMap<>())
                    .put(key.withinAccount(), new Expiring(marker, at)));
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
          expiring.remove(a);
          partitions.remove(a);
        });
  }

  /**
   * Drops what is known of every account of these accounts partitions, polled or not; returns how
   * many accounts that was.
   */
  public int forgetPartitions(Collection<Integer> revoked) {
    List<String> accounts =
        partitions.entrySet().stream()
            .filter(e -> revoked.contains(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    forget(accounts);
    return accounts.size();
  }

  /** Seen keys of every account held (metrics). */
  public long size() {
    return seen.values().stream().mapToLong(Set::size).sum();
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
