package io.igpulse.schemas.serde;

import io.apicurio.registry.rest.client.models.ProblemDetails;
import io.igpulse.schemas.serde.UndecodableRecordException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Wraps the Apicurio deserializer so that a bad record fails with an {@link
 * UndecodableRecordException} that says what is wrong, instead of whatever the serdes' cache layer
 * throws (a bare RuntimeException around a registry problem, or an Avro index error for garbage
 * bytes). Kafka's consumer adds partition and offset around it.
 */
public final class CheckedDeserializer<T> implements Deserializer<T> {

  static {
    // Before any body is decoded: a length bomb must fail as CORRUPT_BODY, not allocate.
    AvroLimits.install();
  }

  /** Apicurio's default framing: magic byte 0, then a 4-byte content id, then the Avro body. */
  static final byte MAGIC_BYTE = 0;

  static final int FRAME_LENGTH = 5;

  private final Deserializer<T> delegate;

  public CheckedDeserializer(Deserializer<T> delegate) {
    this.delegate = delegate;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    delegate.configure(configs, isKey);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    return deserialize(topic, null, data);
  }

  @Override
  public T deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      // Tombstones on compacted topics are legitimate deletions: the caller decides what null
      // means.
      return null;
    }
    checkFrame(topic, data);
    try {
      return headers == null
          ? delegate.deserialize(topic, data)
          : delegate.deserialize(topic, headers, data);
    } catch (RuntimeException e) {
      throw classify(topic, data, e);
    }
  }

  @Override
  public void close() {
    delegate.close();
  }

  private static void checkFrame(String topic, byte[] data) {
    if (data.length == 0) {
      throw new UndecodableRecordException(Reason.EMPTY, topic, "value has 0 bytes", null);
    }
    if (data.length < FRAME_LENGTH || data[0] != MAGIC_BYTE) {
      throw new UndecodableRecordException(
          Reason.NOT_AVRO_FRAMED,
          topic,
          "expected magic byte 0 and a 4-byte schema id, got "
              + data.length
              + " bytes starting with 0x"
              + String.format("%02x", data[0]),
          null);
    }
  }

  public static UndecodableRecordException classify(String topic, byte[] data, RuntimeException e) {
    if (e instanceof UndecodableRecordException already) {
      return already;
    }
    int schemaId =
        ((data[1] & 0xff) << 24)
            | ((data[2] & 0xff) << 16)
            | ((data[3] & 0xff) << 8)
            | (data[4] & 0xff);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProblemDetails problem) {
        Integer status = problem.getStatus();
        if (status != null && status == 404) {
          return new UndecodableRecordException(
              Reason.UNKNOWN_SCHEMA_ID,
              topic,
              "schema id " + schemaId + " is not in the registry (" + problem.getTitle() + ")",
              e);
        }
        return new UndecodableRecordException(
            Reason.REGISTRY_UNAVAILABLE,
            topic,
            "registry answered "
                + status
                + " for schema id "
                + schemaId
                + ": "
                + problem.getTitle(),
            e);
      }
      if (t instanceof IOException && !(t instanceof EOFException)) {
        return new UndecodableRecordException(
            Reason.REGISTRY_UNAVAILABLE,
            topic,
            "registry unreachable for schema id " + schemaId + ": " + t,
            e);
      }
    }
    return new UndecodableRecordException(
        Reason.CORRUPT_BODY,
        topic,
        "body is not valid Avro for schema id "
            + schemaId
            + " ("
            + e.getClass().getSimpleName()
            + ")",
        e);
  }
}
