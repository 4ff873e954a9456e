package io.igpulse.schemas.topic;

import io.igpulse.schemas.serde.RegistryConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the igpulse contract: its name, how keys and values are written, and how it is laid
 * out. Immutable; every service takes topics from {@link Topics} rather than spelling names or
 * serde settings itself.
 *
 * @param name the topic name (part of the contract)
 * @param key how keys are written
 * @param value how values are written
 * @param partitions partitions to create; the unit of parallelism of every consumer group reading
 *     it
 * @param cleanupPolicy compact for state, delete for event logs
 * @param retention how long records are kept, or empty for Kafka's default (compacted topics keep
 *     latest values regardless)
 */
public record Topic<K, V>(
    String name,
    Codec<K> key,
    Codec<V> value,
    int partitions,
    CleanupPolicy cleanupPolicy,
    Optional<Duration> retention) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
    Objects.requireNonNull(retention, "retention");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "topic " + name + " needs at least one partition, got " + partitions);
    }
  }

  /** A configured key serde for this topic. */
  public Serde<K> keySerde(RegistryConfig registry) {
    return key.serde(registry, true);
  }

  /** A configured value serde for this topic. */
  public Serde<V> valueSerde(RegistryConfig registry) {
    return value.serde(registry, false);
  }

  /** Topic-level configs to create it with. */
  public Map<String, String> configs() {
    return retention
        .map(
            r ->
                Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue(),
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(r.toMillis())))
        .orElseGet(() -> Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue()));
  }

  /** The admin request that creates this topic with the broker's default replication factor. */
  public NewTopic toNewTopic() {
    return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs());
  }

  /** The admin request that creates this topic with the given replication factor. */
  public NewTopic toNewTopic(short replicationFactor) {
    return new NewTopic(name, partitions, replicationFactor).configs(configs());
  }
}
