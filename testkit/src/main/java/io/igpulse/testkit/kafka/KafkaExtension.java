package io.igpulse.testkit.kafka;

import io.igpulse.schemas.topic.Topics;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one Kafka cluster per JVM and broker count, creates the catalog topics on it, and hands it
 * to every test that asks. JUnit closes it when the last test of the JVM is done (it lives in the
 * root store).
 */
public final class KafkaExtension implements BeforeAllCallback, ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    KafkaCluster cluster = cluster(context);
    LOG.info(
        "{} uses Kafka: {}", context.getRequiredTestClass().getSimpleName(), cluster.description());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }

  /** The cluster for the test class of {@code context}, started on first use. */
  public static KafkaCluster cluster(ExtensionContext context) {
    int brokers =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithKafka.class)
            .map(WithKafka::brokers)
            .orElse(1);
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("kafka-" + brokers, key -> Shared.start(brokers), Shared.class)
        .cluster();
  }

  /** Root-store entry: JUnit closes AutoCloseable values when the root context ends. */
  private record Shared(KafkaCluster cluster) implements AutoCloseable {

    static Shared start(int brokers) {
      long started = System.nanoTime();
      KafkaCluster cluster = KafkaClusters.start(brokers);
      cluster.createTopics(Topics.all());
      LOG.info(
          "Kafka ready in {} ms with the catalog topics: {}",
          (System.nanoTime() - started) / 1_000_000,
          cluster.description());
      return new Shared(cluster);
    }

    @Override
    public void close() {
      LOG.info("Stopping {}", cluster.description());
      cluster.close();
    }
  }
}
