package io.igpulse.schemas.serde;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A record igpulse cannot turn into its contract type, with a reason a person can act on and, where
 * known, the exact place of the record (topic, partition, offset). Poison records are
 * dead-lettered, never retried; a registry that is down is not a poison record (see {@link
 * Reason#isPoison()}).
 */
public class UndecodableRecordException extends SerializationException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;
  private final String topic;
  private final int partition;
  private final long offset;

  /** Why a record could not be decoded. */
  public enum Reason {
    /** No value bytes at all (a tombstone where a value is required, or an empty record). */
    EMPTY(true),
    /** Not Apicurio-framed Avro: wrong magic byte or too short to hold a schema id. */
    NOT_AVRO_FRAMED(true),
    /** The schema id in the frame is not known to the registry. */
    UNKNOWN_SCHEMA_ID(true),
    /** The bytes after the frame are not valid Avro for the writer's schema. */
    CORRUPT_BODY(true),
    /** The registry could not be asked (down, timing out): try again later, do not dead-letter. */
    REGISTRY_UNAVAILABLE(false);

    private final boolean poison;

    Reason(boolean poison) {
      this.poison = poison;
    }

    /** True when retrying cannot help: the record goes to the dead-letter topic. */
    public boolean isPoison() {
      return poison;
    }
  }

  /**
   * Without a position: what a Kafka {@code Deserializer} knows (Kafka adds partition and offset
   * around it).
   */
  public UndecodableRecordException(Reason reason, String topic, String detail, Throwable cause) {
    this(reason, topic, -1, -1L, detail, cause);
  }

  /** With the record's exact position. */
  public UndecodableRecordException(
      Reason reason, String topic, int partition, long offset, String detail, Throwable cause) {
    super(message(reason, topic, partition, offset, detail), cause);
    this.reason = reason;
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
  }

  /** The same failure, placed at a partition and offset. */
  public UndecodableRecordException at(int partition, long offset) {
    return new UndecodableRecordException(
        reason, topic, partition, offset, detailOf(this), getCause());
  }

  public Reason reason() {
    return reason;
  }

  public Optional<String> topic() {
    return Optional.ofNullable(topic);
  }

  public OptionalInt partition() {
    return partition < 0 ? OptionalInt.empty() : OptionalInt.of(partition);
  }

  public OptionalLong offset() {
    return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
  }

  private static String message(
      Reason reason, String topic, int partition, long offset, String detail) {
    StringBuilder place = new StringBuilder("topic ").append(topic);
    if (partition >= 0) {
      place.append(", partition ").append(partition);
    }
    if (offset >= 0) {
      place.append(", offset ").append(offset);
    }
    return "Undecodable record (" + reason + ") at " + place + ": " + detail;
  }

  private static String detailOf(UndecodableRecordException e) {
    String message = e.getMessage();
    int colon = message.indexOf(": ");
    return colon < 0 ? message : message.substring(colon + 2);
  }
}
