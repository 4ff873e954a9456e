package io.igpulse.testkit.kafka;

import io.igpulse.schemas.topic.Topic;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Kafka cluster for ITs: in a container when Docker answers, else Kafka's own in-JVM KRaft
 * cluster.
 */
public interface KafkaCluster extends AutoCloseable {

  /** {@code host:port,...} to give every client. */
  String bootstrapServers();

  /** Number of brokers. */
  int brokerCount();

  /** What kind of cluster this is, for the log line every IT prints. */
  String description();

  /**
   * Stops one broker (0-based) to inject a fault; its data survives for {@link #startBroker(int)}.
   */
  void stopBroker(int index);

  /** Starts a broker stopped by {@link #stopBroker(int)}. */
  void startBroker(int index);

  /** Stops every broker: the whole cluster away, its data kept for {@link #startAllBrokers()}. */
  default void stopAllBrokers() {
    for (int b = 0; b < brokerCount(); b++) {
      stopBroker(b);
    }
  }

  /** Starts every broker that {@link #stopAllBrokers()} stopped. */
  default void startAllBrokers() {
    for (int b = 0; b < brokerCount(); b++) {
      startBroker(b);
    }
  }

  /**
   * The index (as {@link #stopBroker(int)} takes it) of the broker that leads the most partitions
   * of these topics now, all brokers up: the one whose loss moves the most leaders.
   */
  default int busiestLeader(Collection<String> topics) {
    try (Admin admin = admin()) {
      List<Integer> nodes =
          admin.describeCluster().nodes().get().stream().map(Node::id).sorted().toList();
      Map<Integer, Long> led =
          admin.describeTopics(topics).allTopicNames().get().values().stream()
              .flatMap(d -> d.partitions().stream())
              .filter(p -> p.leader() != null)
              .collect(Collectors.groupingBy(p -> p.leader().id(), Collectors.counting()));
      int node = Collections.max(led.entrySet(), Map.Entry.comparingByValue()).getKey();
      return nodes.indexOf(node);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe " + topics, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing " + topics, e);
    }
  }

  /** An admin client on this cluster; the caller closes it. */
  default Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /**
   * Replication factor that fits this cluster: 3 when there are 3 brokers or more, else the broker
   * count.
   */
  default short replicationFactor() {
    return (short) Math.min(3, brokerCount());
  }

  /** Creates the catalog topics that do not exist yet, with their partitions and policies. */
  default void createTopics(Collection<Topic<?, ?>> topics) {
    try (Admin admin = admin()) {
      for (Topic<?, ?> topic : topics) {
        NewTopic request = topic.toNewTopic(replicationFactor());
        try {
          admin.createTopics(List.of(request)).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  @Override
  void close();
}
