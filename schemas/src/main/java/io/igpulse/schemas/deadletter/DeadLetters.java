package io.igpulse.schemas.deadletter;

import io.igpulse.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds dead letters the same way in every service: the original key and value bytes untouched,
 * the original headers kept, and igpulse's standard headers saying where the record came from and
 * why it was given up. The cause, an exception's text, is stored with credentials masked ({@link
 * SecretText}).
 */
public final class DeadLetters {

  public static final String HEADER_PREFIX = "igpulse.dlq.";
  public static final String EXCEPTION_CLASS = HEADER_PREFIX + "exception.class";
  public static final String REASON = HEADER_PREFIX + "reason";
  public static final String CAUSE = HEADER_PREFIX + "cause";
  public static final String TOPIC = HEADER_PREFIX + "topic";
  public static final String PARTITION = HEADER_PREFIX + "partition";
  public static final String OFFSET = HEADER_PREFIX + "offset";
  public static final String SERVICE = HEADER_PREFIX + "service";
  public static final String FAILED_AT = HEADER_PREFIX + "failed.at";

  /**
   * Header values are cut here: a dead letter must stay small even when an exception message is
   * not.
   */
  static final int MAX_TEXT = 1_000;

  private DeadLetters() {}

  /** Where the failed record was read. Use -1 for a partition or offset that is not known. */
  public record Origin(String topic, int partition, long offset) {}

  /**
   * A dead letter for {@code igpulse.deadletter}.
   *
   * @param service the service giving up (e.g. aggregator)
   * @param reason a short, stable phrase for dashboards (e.g. "undecodable snapshot")
   */
  public static ProducerRecord<byte[], byte[]> of(
      String service,
      Origin origin,
      byte[] key,
      byte[] value,
      Headers original,
      String reason,
      Throwable error) {
    Headers headers = new RecordHeaders();
    if (original != null) {
      for (Header header : original) {
        if (!header.key().startsWith(HEADER_PREFIX)) {
          headers.add(header);
        }
      }
    }
    put(headers, SERVICE, service);
    put(headers, REASON, reason);
    put(headers, EXCEPTION_CLASS, error == null ? "none" : error.getClass().getName());
    put(headers, CAUSE, describe(error));
    put(headers, TOPIC, origin.topic() == null ? "" : origin.topic());
    put(headers, PARTITION, Integer.toString(origin.partition()));
    put(headers, OFFSET, Long.toString(origin.offset()));
    put(headers, FAILED_AT, Instant.now().toString());
    return new ProducerRecord<>(Topics.DEAD_LETTER.name(), null, key, value, headers);
  }

  /** The header's text, or null when absent. */
  public static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String describe(Throwable error) {
    if (error == null) {
      return "";
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text =
        root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " <- " + root;
    // Redacted before it is cut, so that a cut cannot leave half a token unrecognised.
    text = SecretText.redact(text);
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
