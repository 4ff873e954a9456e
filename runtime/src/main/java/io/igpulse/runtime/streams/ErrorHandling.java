package io.igpulse.runtime.streams;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Installs the dead-letter handlers for deserialization, processing and production errors in a
 * Streams config, with the service name their dead letters carry in {@code igpulse.dlq.service}.
 */
public final class ErrorHandling {

  /** Streams passes unknown keys through to the handlers' {@code configure}. */
  static final String SERVICE_CONFIG = "igpulse.dlq.service";

  private ErrorHandling() {}

  public static Properties install(Properties props, String service) {
    props.put(SERVICE_CONFIG, service);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    props.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProductionHandler.class.getName());
    // Records of global stores and KTables get the same treatment (the default from Kafka 5.0).
    props.put("processing.exception.handler.global.enabled", true);
    return props;
  }
}
