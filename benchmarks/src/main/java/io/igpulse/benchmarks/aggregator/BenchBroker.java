package io.igpulse.benchmarks.aggregator;

import io.igpulse.benchmarks.StandaloneBroker;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.kafka.KafkaClusters;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the benchmark's broker runs, chosen by the command line:
 *
 * <ul>
 *   <li>{@code -Dbench.broker=child}: a {@link StandaloneBroker} in a child JVM ({@code -Xmx1g}, or
 *       {@code -Dbench.broker.heap=...}), started and stopped by the harness;
 *   <li>{@code -Dbench.bootstrap=host:port} (or env {@code IGPULSE_KAFKA_BOOTSTRAP_SERVERS}): a
 *       broker already running, with the catalog topics and an empty input topic (a fresh {@link
 *       StandaloneBroker}, one per run);
 *   <li>otherwise the testkit's cluster inside the harness JVM, as before.
 * </ul>
 */
final class BenchBroker implements AutoCloseable {

  private final String bootstrapServers;
  private final String description;
  private final AutoCloseable owned;

  /**
   * CPU seconds the broker's own process used so far, when it runs in a child JVM (else empty: an
   * external broker is not ours to measure, an in-JVM one is part of this JVM's CPU time).
   */
  OptionalDouble brokerCpuSeconds() {
    if (owned instanceof StandaloneBroker.Child child) {
      return child
          .cpuTime()
          .map(cpu -> OptionalDouble.of(cpu.toNanos() / 1e9))
          .orElse(OptionalDouble.empty());
    }
    return OptionalDouble.empty();
  }

  private BenchBroker(String bootstrapServers, String description, AutoCloseable owned) {
    this.bootstrapServers = bootstrapServers;
    this.description = description;
    this.owned = owned;
  }

  static BenchBroker fromCommandLine() throws Exception {
    if ("child".equals(System.getProperty("bench.broker"))) {
      String heap = System.getProperty("bench.broker.heap", "1g");
      StandaloneBroker.Child child = StandaloneBroker.startChild(heap, Duration.ofMinutes(2));
      BenchBroker broker =
          new BenchBroker(
              child.bootstrapServers(),
              "broker in a child JVM (pid "
                  + child.pid()
                  + ", -Xmx"
                  + heap
                  + ") at "
                  + child.bootstrapServers(),
              child);
      broker.requireEmptyInput();
      return broker;
    }
    String external = System.getProperty("bench.bootstrap");
    if (external == null || external.isBlank()) {
      external = System.getenv("IGPULSE_KAFKA_BOOTSTRAP_SERVERS");
    }
    if (external != null && !external.isBlank()) {
      BenchBroker broker = new BenchBroker(external, "external broker at " + external, null);
      broker.requireEmptyInput();
      return broker;
    }
    KafkaCluster kafka = KafkaClusters.start(1);
    kafka.createTopics(Topics.all());
    return new BenchBroker(
        kafka.bootstrapServers(), "broker in this JVM: " + kafka.description(), kafka);
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  String description() {
    return description;
  }

  /** An admin client on the broker; the caller closes it. */
  Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /**
   * The harness counts every record of the input topic and reuses its group names, so a broker that
   * served an earlier run would skew the figures: refuse it rather than report them.
   */
  private void requireEmptyInput() throws Exception {
    try (Admin admin = admin()) {
      String topic = Topics.MEDIA_INSIGHTS.name();
      var request = new HashMap<TopicPartition, OffsetSpec>();
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      long records =
          admin.listOffsets(request).all().get().values().stream()
              .mapToLong(info -> info.offset())
              .sum();
      if (records > 0) {
        throw new IllegalStateException(
            topic
                + " already holds "
                + records
                + " records: start a fresh broker (io.igpulse.benchmarks.StandaloneBroker) per"
                + " run");
      }
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    if (owned != null) {
      owned.close();
    }
  }
}
