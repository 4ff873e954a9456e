package io.igpulse.runtime.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client settings our services rely on for correctness, with the operator's pass-through
 * overrides applied first and ours last: an override cannot turn off idempotence or {@code
 * acks=all}, since exactly-once output depends on them.
 */
public final class ClientSettings {

  private ClientSettings() {}

  /** Idempotent producer, {@code acks=all}: a retried send never duplicates a record. */
  public static Map<String, Object> reliableProducer(
      String bootstrapServers, String clientId, Map<String, String> overrides) {
    Map<String, Object> props = new HashMap<>(overrides);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return props;
  }

  /**
   * A group member that commits only what it has handled ({@code enable.auto.commit=false}) and
   * reads only committed records.
   */
  public static Map<String, Object> groupConsumer(
      String bootstrapServers, String groupId, String clientId, Map<String, String> overrides) {
    Map<String, Object> props = new HashMap<>(overrides);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return props;
  }

  /**
   * A consumer that reads partitions it assigns itself (no group, no commits), only what committed
   * transactions wrote; the operator's overrides (security, timeouts) apply, group ids do not.
   */
  public static Map<String, Object> assignedReader(
      String bootstrapServers, Map<String, String> overrides) {
    Map<String, Object> props = new HashMap<>(overrides);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    // A static member id names a group member; readers of their own partitions are none.
    props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return props;
  }
}
