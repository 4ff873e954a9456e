package io.igpulse.collector.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook notifications waiting for their account's registration: the parking protocol, with no
 * timer and no I/O, confined to one thread (the collector's event loop).
 *
 * <p>A notification routed here names an account of an accounts partition this instance owns. When
 * that account is not polled, what it means depends on its partition's state:
 *
 * <ul>
 *   <li>{@link PartitionState#LOADING} (from assignment, and again whenever a registration must be
 *       read a second time): the registration may be on its way, so the notification waits and its
 *       position is not committed.
 *   <li>{@link PartitionState#CAUGHT_UP}: every registration of the partition has been applied, so
 *       the account is not followed here (unknown or inactive). Its notifications are dropped once
 *       a grace has passed without the account starting; the caller keeps that grace's timer.
 * </ul>
 *
 * A registration that starts the account releases its notifications to its poller; one that stops
 * it, or fails it, drops them once the partition is caught up; a revoked partition releases them,
 * and its next owner reads them again.
 *
 * @param <N> a notification, with whatever the caller needs to act on it
 */
final class WebhookParking<N> {

  /** An accounts partition as its notifications see it. */
  enum PartitionState {
    LOADING,
    CAUGHT_UP
  }

  /** What became of a notification offered to {@link #park}. */
  enum Parked {
    /** It waits; nothing to do. */
    WAITING,
    /** It waits, and is the first for an account of a caught-up partition: start the grace. */
    WAITING_START_GRACE,
    /** Too many wait for its account: not kept, the caller drops it. */
    OVERFLOW
  }

  private record Waiting<N>(int partition, List<N> notifications) {}

  private final int maxPerAccount;
  private final Map<String, Waiting<N>> waiting = new HashMap<>();
  private final Map<Integer, PartitionState> partitions = new HashMap<>();

  WebhookParking(int maxPerAccount) {
    this.maxPerAccount = maxPerAccount;
  }

  PartitionState stateOf(int partition) {
    return partitions.getOrDefault(partition, PartitionState.LOADING);
  }

  /** A notification for {@code account}, not polled now, of {@code partition}. */
  Parked park(String account, int partition, N notification) {
    Waiting<N> list =
        waiting.computeIfAbsent(account, a -> new Waiting<>(partition, new ArrayList<>()));
    if (list.notifications().size() >= maxPerAccount) {
      return Parked.OVERFLOW;
    }
    list.notifications().add(notification);
    boolean first = list.notifications().size() == 1;
    return first && caughtUp(partition) ? Parked.WAITING_START_GRACE : Parked.WAITING;
  }

  /**
   * Every registration of the partition has been applied: returns the accounts with notifications
   * waiting in it, whose grace starts now.
   */
  List<String> markCaughtUp(int partition) {
    partitions.put(partition, PartitionState.CAUGHT_UP);
    return accountsIn(List.of(partition));
  }

  /** A registration of the partition is read again: its notifications wait until caught up. */
  void markLoading(int partition) {
    partitions.put(partition, PartitionState.LOADING);
  }

  /** The partitions went to another instance: returns their notifications, to drop here. */
  List<N> revoke(Collection<Integer> revoked) {
    revoked.forEach(partitions::remove);
    List<N> released = new ArrayList<>();
    for (String account : accountsIn(revoked)) {
      released.addAll(waiting.remove(account).notifications());
    }
    return released;
  }

  /** The account is polled now: returns its notifications, to hand to its poller. */
  List<N> takeForStarted(String account) {
    return take(account);
  }

  /**
   * The account was stopped or could not start: returns its notifications to drop as unfollowed, or
   * none while its partition is loading (a later registration in it may still start it).
   */
  List<N> takeForNotFollowed(String account, int partition) {
    return caughtUp(partition) ? take(account) : List.of();
  }

  /**
   * An account's grace has passed: returns its notifications to drop as unfollowed when it is still
   * not followed and its partition is still caught up, else none (they keep waiting, or are gone).
   */
  List<N> takeAfterGrace(String account, boolean followed) {
    Waiting<N> list = waiting.get(account);
    if (list == null || followed || !caughtUp(list.partition())) {
      return List.of();
    }
    return take(account);
  }

  /** Notifications waiting, all accounts together. */
  int size() {
    return waiting.values().stream().mapToInt(w -> w.notifications().size()).sum();
  }

  private boolean caughtUp(int partition) {
    return stateOf(partition) == PartitionState.CAUGHT_UP;
  }

  private List<N> take(String account) {
    Waiting<N> list = waiting.remove(account);
    return list == null ? List.of() : list.notifications();
  }

  private List<String> accountsIn(Collection<Integer> of) {
    return waiting.entrySet().stream()
        .filter(e -> of.contains(e.getValue().partition()))
        .map(Map.Entry::getKey)
        .toList();
  }
}
