package io.igpulse.collector.kafka;

import io.igpulse.schemas.topic.CleanupPolicy;
import io.igpulse.schemas.topic.Codec;
import io.igpulse.schemas.topic.Topic;
import io.igpulse.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.utils.Utils;

/**
 * The collector's internal topics, not part of the public contract. Both have exactly as many
 * partitions as {@code instagram.accounts}, and partition {@code p} holds data of the accounts
 * whose registration is in accounts partition {@code p}: the instance assigned that partition reads
 * its share of both, with no coordination of its own.
 */
public final class CollectorTopics {

  private CollectorTopics() {}

  /**
   * Seen markers {@code <account>|<source>|<hashtag>|<media>}, compacted: what was emitted, read
   * back when a partition is assigned.
   */
  public static Topic<String, byte[]> seen(String name) {
    return new Topic<>(
        name,
        Codec.utf8String(),
        Codec.bytes(),
        Topics.ACCOUNTS.partitions(),
        CleanupPolicy.COMPACT,
        Optional.empty());
  }

  /**
   * Verified webhook notifications keyed by IG user id, routed to the instance that owns the
   * account (any instance may receive the HTTP call). Kept a day: a notification is worth little
   * later, and the tags poll finds mentioned media anyway.
   */
  public static Topic<String, byte[]> webhooks(String name) {
    return new Topic<>(
        name,
        Codec.utf8String(),
        Codec.bytes(),
        Topics.ACCOUNTS.partitions(),
        CleanupPolicy.DELETE,
        Optional.of(Duration.ofDays(1)));
  }

  /**
   * The partition Kafka's default partitioner gives a key: the same as the account's registration
   * when that was written by a default producer (ours are).
   */
  public static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
