package io.igpulse.collector.kafka;

import java.util.Collection;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.kafka.common.TopicPartition;

/**
 * The webhook records handed to pollers and not acted on yet, per partition. The position this
 * instance commits for a webhook partition never passes the oldest of them, so an instance that
 * dies while a notification is being acted on leaves it to be read again, instead of having
 * committed past it with another account's discoveries. Acting twice is harmless: the seen state
 * emits a media once.
 *
 * <p>Thread-safe: records start on the consumer thread and are done on the event loop.
 */
public final class WebhookPositions {

  /**
   * One record in flight. It holds the set it was added to, so that finishing a record of a
   * partition revoked meanwhile cannot touch the set of a later assignment that re-read it.
   */
  public static final class Ticket {
    private final NavigableSet<Long> inFlight;
    private final long offset;

    private Ticket(NavigableSet<Long> inFlight, long offset) {
      this.inFlight = inFlight;
      this.offset = offset;
    }
  }

  private final Map<TopicPartition, NavigableSet<Long>> inFlight = new ConcurrentHashMap<>();

  public Ticket started(TopicPartition tp, long offset) {
    NavigableSet<Long> set = inFlight.computeIfAbsent(tp, k -> new ConcurrentSkipListSet<>());
    set.add(offset);
    return new Ticket(set, offset);
  }

  public void done(Ticket ticket) {
    ticket.inFlight.remove(ticket.offset);
  }

  /** The position to commit: the consumer's, or the oldest record still in flight. */
  public long committable(TopicPartition tp, long position) {
    NavigableSet<Long> set = inFlight.get(tp);
    Long oldest = set == null ? null : set.ceiling(Long.MIN_VALUE);
    return oldest == null ? position : Math.min(oldest, position);
  }

  /** The partitions went to another member: whatever is in flight there is its business now. */
  public void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(inFlight::remove);
  }

  /** Records in flight (metrics). */
  public int size() {
    return inFlight.values().stream().mapToInt(NavigableSet::size).sum();
  }
}
