package io.igpulse.schemas.serde;

import org.apache.avro.SystemLimitException;

/**
 * Bounds what an Avro body may declare, so that a few bytes declaring a 2 GB string or a
 * billion-item array fail as a corrupt record instead of allocating it (an {@code OutOfMemoryError}
 * is no exception a record handler catches, and it can kill the thread that reads). No igpulse
 * record comes near these sizes: a Kafka record is at most a few MiB.
 *
 * <p>Avro reads its {@code org.apache.avro.limits.*} system properties once, when {@link
 * SystemLimitException} is first loaded; every igpulse serde installs them before that (static
 * initialisers of {@link ApicurioSerdes} and {@link CheckedDeserializer}). A value the operator set
 * with {@code -D} is kept.
 */
public final class AvroLimits {

  /** Longest string or bytes value, in bytes. */
  public static final int MAX_LENGTH = 8 * 1024 * 1024;

  /** Most items of one array or map. */
  public static final int MAX_ITEMS = 1_000_000;

  private AvroLimits() {}

  /** Sets the limits unless already set; idempotent. */
  public static void install() {
    setIfAbsent(SystemLimitException.MAX_STRING_LENGTH_PROPERTY, MAX_LENGTH);
    setIfAbsent(SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, MAX_LENGTH);
    setIfAbsent(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY, MAX_ITEMS);
  }

  /** Whether Avro enforces a string limit no larger than ours (false if it loaded too early). */
  public static boolean inForce() {
    try {
      SystemLimitException.checkMaxStringLength(MAX_LENGTH + 1L);
      return false;
    } catch (SystemLimitException expected) {
      return true;
    }
  }

  /**
   * Whether our string limit is set but Avro does not enforce it: Avro loaded its limits before
   * {@link #install()} ran, so they are its defaults (2 GB). A limit the operator set is not ours
   * and is trusted.
   */
  public static boolean loadedTooLate() {
    return Integer.toString(MAX_LENGTH)
            .equals(System.getProperty(SystemLimitException.MAX_STRING_LENGTH_PROPERTY))
        && !inForce();
  }

  private static void setIfAbsent(String property, int value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Integer.toString(value));
    }
  }
}
