package io.igpulse.testkit.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses the real broker an IT gets: a container when Docker answers, else the in-JVM KRaft
 * cluster.
 */
public final class KafkaClusters {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaClusters.class);

  private KafkaClusters() {}

  /**
   * Starts a cluster of {@code brokers} brokers. Multi-broker clusters always run in-JVM: one
   * container is one broker, and fault tests need to stop brokers one by one.
   */
  public static KafkaCluster start(int brokers) {
    if (brokers < 1) {
      throw new IllegalArgumentException("a cluster needs at least one broker, got " + brokers);
    }
    if (brokers == 1 && dockerAvailable()) {
      return ContainerKafkaCluster.start();
    }
    return InJvmKafkaCluster.start(brokers);
  }

  /** Whether a Docker engine answers; false within ~0.2 s on a machine without one, then cached. */
  public static boolean dockerAvailable() {
    if (Boolean.getBoolean("igpulse.testkit.noDocker")) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      LOG.debug("Docker probe failed, using in-JVM infrastructure", e);
      return false;
    }
  }
}
