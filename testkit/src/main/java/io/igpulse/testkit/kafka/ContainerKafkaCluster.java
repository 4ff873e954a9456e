package io.igpulse.testkit.kafka;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One apache/kafka broker in a container, used when a Docker engine answers. Fault injection pauses
 * and unpauses the container (the broker keeps its data, clients see it vanish), which is what a
 * hung broker looks like.
 */
final class ContainerKafkaCluster implements KafkaCluster {

  /** Pinned to the broker version the clients are built against. */
  static final String IMAGE = "apache/kafka:4.3.1";

  private final KafkaContainer container;

  private ContainerKafkaCluster(KafkaContainer container) {
    this.container = container;
  }

  static ContainerKafkaCluster start() {
    KafkaContainer container =
        new KafkaContainer(IMAGE)
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            // As the in-JVM broker: retention by time shows at once (see InJvmKafkaCluster).
            .withEnv("KAFKA_LOG_RETENTION_CHECK_INTERVAL_MS", "2000")
            .withEnv("KAFKA_LOG_INITIAL_TASK_DELAY_MS", "0")
            .withEnv("KAFKA_LOG_CLEANER_BACKOFF_MS", "1000");
    container.start();
    return new ContainerKafkaCluster(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public int brokerCount() {
    return 1;
  }

  @Override
  public String description() {
    return "Testcontainers " + IMAGE + " (1 broker) at " + bootstrapServers();
  }

  @Override
  public void stopBroker(int index) {
    requireOnly(index);
    DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
  }

  @Override
  public void startBroker(int index) {
    requireOnly(index);
    DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
  }

  private static void requireOnly(int index) {
    if (index != 0) {
      throw new IllegalArgumentException(
          "the container cluster has one broker, no broker " + index);
    }
  }

  @Override
  public void close() {
    container.stop();
  }
}
