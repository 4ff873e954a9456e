package io.igpulse.testkit.kafka;

import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Kafka's own KRaft cluster inside the test JVM: real brokers on real sockets, no Docker needed.
 * Used wherever no Docker engine answers, and for multi-broker fault tests (brokers can be stopped
 * and started one by one).
 */
final class InJvmKafkaCluster implements KafkaCluster {

  private final KafkaClusterTestKit cluster;
  private final int brokers;

  private InJvmKafkaCluster(KafkaClusterTestKit cluster, int brokers) {
    this.cluster = cluster;
    this.brokers = brokers;
  }

  static InJvmKafkaCluster start(int brokers) {
    boolean single = brokers == 1;
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(single)
            .setNumBrokerNodes(brokers)
            .setNumControllerNodes(1)
            .build();
    short replication = (short) Math.min(3, brokers);
    try {
      KafkaClusterTestKit cluster =
          new KafkaClusterTestKit.Builder(nodes)
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("offsets.topic.replication.factor", Short.toString(replication))
              .setConfigProp(
                  "transaction.state.log.replication.factor", Short.toString(replication))
              .setConfigProp("transaction.state.log.min.isr", single ? "1" : "2")
              .setConfigProp("default.replication.factor", Short.toString(replication))
              .setConfigProp("min.insync.replicas", single ? "1" : "2")
              // Topics come from the catalog: a missing one must fail a test, not be created
              // silently.
              .setConfigProp("auto.create.topics.enable", "false")
              // A stopped broker leaves the ISR in ~3 s instead of ~10 s, so fault tests stay
              // short.
              .setConfigProp("broker.session.timeout.ms", "3000")
              // Deletion by time runs within a second or two instead of every 5 min after 30 s
              // (delete topics) or every 15 s (compact,delete topics: the cleaner thread deletes
              // those). A test whose data the broker would delete sees it gone at once, not only
              // when a run happens to cross a check: an aggregator IT failed that way in CI.
              .setConfigProp("log.initial.task.delay.ms", "0")
              .setConfigProp("log.retention.check.interval.ms", "2000")
              .setConfigProp("log.cleaner.backoff.ms", "1000")
              .setConfigProp("broker.heartbeat.interval.ms", "500")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new InJvmKafkaCluster(cluster, brokers);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot start the in-JVM KRaft cluster with " + brokers + " broker(s)", e);
    }
  }

  @Override
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  @Override
  public int brokerCount() {
    return brokers;
  }

  @Override
  public String description() {
    return "in-JVM KRaft cluster (KafkaClusterTestKit, Kafka "
        + AppInfoParser.getVersion()
        + ", "
        + brokers
        + " broker(s)) at "
        + bootstrapServers();
  }

  @Override
  public void stopBroker(int index) {
    BrokerServer broker = broker(index);
    broker.shutdown();
    broker.awaitShutdown();
  }

  @Override
  public void startBroker(int index) {
    broker(index).startup();
  }

  private BrokerServer broker(int index) {
    // brokers() is keyed by node id; index i is the i-th lowest id.
    return cluster.brokers().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .skip(index)
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no broker " + index + " of " + brokers));
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the in-JVM KRaft cluster", e);
    }
  }
}
