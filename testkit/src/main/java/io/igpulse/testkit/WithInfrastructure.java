package io.igpulse.testkit;

import io.igpulse.testkit.kafka.WithKafka;
import io.igpulse.testkit.registry.WithRegistry;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The usual IT setup: the JVM's shared single-broker Kafka cluster and its schema registry. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@WithKafka
@WithRegistry
public @interface WithInfrastructure {}
