package io.igpulse.testkit.kafka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real Kafka cluster, shared by every class of the JVM that asks for the same
 * broker count. Declare a {@link KafkaCluster} parameter to receive it.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(KafkaExtension.class)
public @interface WithKafka {

  /** Brokers in the cluster: 1 by default, 3 for fault tests (replication 3, min ISR 2). */
  int brokers() default 1;
}
