package io.igpulse.schemas.serde;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one place that turns a {@link RegistryConfig} into Apicurio serde settings. Everything
 * igpulse writes is framed the Apicurio default way (magic byte 0, 4-byte contentId, Avro binary),
 * so any Apicurio-aware consumer can read our topics without agreeing on headers first.
 */
public final class ApicurioSerdes {

  static {
    AvroLimits.install();
  }

  // Setting names, as the 3.1.x serdes read them (io.apicurio.registry.serde.config.SerdeConfig).
  static final String REGISTRY_URL = "apicurio.registry.url";
  static final String AUTO_REGISTER = "apicurio.registry.auto-register";
  static final String AUTO_REGISTER_IF_EXISTS = "apicurio.registry.auto-register.if-exists";
  static final String FIND_LATEST = "apicurio.registry.find-latest";
  static final String ARTIFACT_RESOLVER_STRATEGY = "apicurio.registry.artifact-resolver-strategy";
  static final String HTTP_ADAPTER = "apicurio.registry.http.adapter";
  static final String USE_SPECIFIC_AVRO_READER = "apicurio.registry.use-specific-avro-reader";
  static final String HEADERS_ENABLED = "apicurio.registry.headers.enabled";
  static final String USE_ID = "apicurio.registry.use-id";
  static final String DEREFERENCE_SCHEMA = "apicurio.registry.dereference-schema";
  static final String AVRO_DATUM_PROVIDER = "apicurio.registry.avro-datum-provider";
  static final String RETURN_CLASS_VALUE = "apicurio.registry.deserializer.value.return-class";
  static final String RETURN_CLASS_KEY = "apicurio.registry.deserializer.key.return-class";

  private ApicurioSerdes() {}

  /**
   * Settings for an Apicurio Avro serializer or deserializer. Kafka client and Streams configs can
   * take them as they are.
   */
  public static Map<String, Object> config(RegistryConfig registry) {
    Map<String, Object> config = new HashMap<>();
    config.put(REGISTRY_URL, registry.url().toString());
    config.put(AUTO_REGISTER, registry.autoRegister());
    // FIND_OR_CREATE_VERSION: identical content returns the existing version; new content must pass
    // the rules.
    config.put(AUTO_REGISTER_IF_EXISTS, "FIND_OR_CREATE_VERSION");
    // Without auto-registration, write with the newest registered version rather than searching by
    // content.
    config.put(FIND_LATEST, !registry.autoRegister());
    config.put(ARTIFACT_RESOLVER_STRATEGY, registry.artifactStrategy().className());
    // The 3.1.7 serdes default to a Vert.x 4 client; we ship Vert.x 5 and use the JDK's HTTP client
    // instead.
    config.put(HTTP_ADAPTER, "JDK");
    // Read into the generated classes, resolving the writer's schema against ours (enum defaults,
    // new fields).
    config.put(USE_SPECIFIC_AVRO_READER, true);
    config.put(HEADERS_ENABLED, false);
    config.put(USE_ID, "contentId");
    // Register one self-contained schema per topic instead of one artifact per nested named type
    // with references:
    // any tool reading <topic>-value gets the whole record, and compatibility is checked on the
    // whole record.
    config.put(DEREFERENCE_SCHEMA, true);
    config.put(AVRO_DATUM_PROVIDER, CachingAvroDatumProvider.class.getName());
    return Map.copyOf(config);
  }

  /** A configured Avro serde for one generated record type. */
  public static <T extends SpecificRecord> Serde<T> avroSerde(
      RegistryConfig registry, Class<T> type, boolean isKey) {
    Map<String, Object> config = new HashMap<>(config(registry));
    config.put(isKey ? RETURN_CLASS_KEY : RETURN_CLASS_VALUE, type.getName());
    AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
    serializer.configure(config, isKey);
    AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
    deserializer.configure(config, isKey);
    return Serdes.serdeFrom(serializer, new CheckedDeserializer<>(deserializer));
  }
}
