package io.igpulse.runtime.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client settings our services rely on for correctness, with the operator's pass-through
 * overrides applied first and ours last: an override cannot turn off idempotence or {@code
 * acks=all}, since exactly-once output depends on them.
 */
public final class ClientSettings {

  private static final String ADMIN_PREFIX = "admin.";
  static final int READ_TO_END_FETCH_WAIT_MS = 10;

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
    // Such a reader stops at an end offset it already knows: a fetch the broker holds open for
    // new data (500 ms by default) only delays the answer, by that much per admin request.
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, READ_TO_END_FETCH_WAIT_MS);
    return props;
  }

  /**
   * An admin client (topic checks and creation) that reaches the same cluster the same way as the
   * service's producers and consumers: every override an admin client understands (the security
   * settings {@code security.protocol}, {@code sasl.*}, {@code ssl.*}, timeouts, DNS lookup) is
   * taken from each override map in turn, later maps winning; a key under the {@code admin.} prefix
   * (as Kafka Streams spells admin-only settings) wins over all. Producer- or consumer-only keys
   * are left out, since the admin client would log each as unknown.
   */
  @SafeVarargs
  public static Map<String, Object> admin(
      String bootstrapServers, String clientId, Map<String, String>... overrides) {
    Set<String> known = AdminClientConfig.configNames();
    Map<String, Object> props = new HashMap<>();
    Map<String, Object> adminOnly = new HashMap<>();
    for (Map<String, String> map : overrides) {
      map.forEach(
          (key, value) -> {
            if (key.startsWith(ADMIN_PREFIX)
                && known.contains(key.substring(ADMIN_PREFIX.length()))) {
              adminOnly.put(key.substring(ADMIN_PREFIX.length()), value);
            } else if (known.contains(key)) {
              props.put(key, value);
            }
          });
    }
    props.putAll(adminOnly);
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // An operator's client.id names producers and consumers; each admin client gets its own.
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    return props;
  }
}
