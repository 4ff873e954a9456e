package io.igpulse.collector.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.TopicPartition;

/**
 * Which accounts partitions still have registrations to read, and where each read ends: the input
 * of the webhook parking protocol ({@code AccountRegistry.markLoading} / {@code markCaughtUp}).
 * Consumer thread only.
 */
final class RegistrationCatchUp {

  private final Map<TopicPartition, Long> loadingUntil = new HashMap<>();

  /** Assigned partitions are read from their start up to these (last stable) offsets. */
  void readUpTo(Map<TopicPartition, Long> endOffsets) {
    loadingUntil.putAll(endOffsets);
  }

  /**
   * The registration at {@code offset} must be read again. True when that makes the partition
   * loading again (it had caught up, or its read ended before this record).
   */
  boolean readAgain(TopicPartition partition, long offset) {
    return loadingUntil.merge(partition, offset + 1, Math::max) == offset + 1;
  }

  /** The partitions whose position has reached the end of their read; they leave the list. */
  List<Integer> caughtUp(ToLongFunction<TopicPartition> position) {
    List<Integer> done = new ArrayList<>();
    loadingUntil
        .entrySet()
        .removeIf(
            e -> {
              if (position.applyAsLong(e.getKey()) < e.getValue()) {
                return false;
              }
              done.add(e.getKey().partition());
              return true;
            });
    return done;
  }

  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(loadingUntil::remove);
  }
}
