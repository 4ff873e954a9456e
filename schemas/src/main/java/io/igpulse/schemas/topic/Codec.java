package io.igpulse.schemas.topic;

import io.igpulse.schemas.serde.ApicurioSerdes;
import io.igpulse.schemas.serde.RegistryConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * How the keys or values of a topic are written. A topic cannot hold configured serdes itself (Avro
 * serdes need the registry's address, which is runtime config), so it holds a codec that builds
 * them on demand.
 *
 * @param <T> the Java type on the topic
 */
public sealed interface Codec<T> permits Codec.Utf8String, Codec.Bytes, Codec.Avro {

  /**
   * A configured serde for this codec; {@code isKey} tells Apicurio whether to register {@code
   * <topic>-key}.
   */
  Serde<T> serde(RegistryConfig registry, boolean isKey);

  /** The Java type written, for logs and checks. */
  Class<T> type();

  static Codec<String> utf8String() {
    return new Utf8String();
  }

  static Codec<byte[]> bytes() {
    return new Bytes();
  }

  static <T extends SpecificRecord> Codec<T> avro(Class<T> type) {
    return new Avro<>(type);
  }

  /** Plain UTF-8 strings: every igpulse key is a string, readable with any tool. */
  record Utf8String() implements Codec<String> {
    @Override
    public Serde<String> serde(RegistryConfig registry, boolean isKey) {
      return Serdes.String();
    }

    @Override
    public Class<String> type() {
      return String.class;
    }
  }

  /** Raw bytes: dead letters keep the original record untouched. */
  record Bytes() implements Codec<byte[]> {
    @Override
    public Serde<byte[]> serde(RegistryConfig registry, boolean isKey) {
      return Serdes.ByteArray();
    }

    @Override
    public Class<byte[]> type() {
      return byte[].class;
    }
  }

  /** Avro specific records through the Apicurio serdes, schema registered per topic. */
  record Avro<T extends SpecificRecord>(Class<T> type) implements Codec<T> {
    @Override
    public Serde<T> serde(RegistryConfig registry, boolean isKey) {
      return ApicurioSerdes.avroSerde(registry, type, isKey);
    }
  }
}
