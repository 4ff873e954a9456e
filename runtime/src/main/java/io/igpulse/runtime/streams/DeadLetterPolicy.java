package io.igpulse.runtime.streams;

import io.igpulse.schemas.deadletter.DeadLetters;
import io.igpulse.schemas.serde.UndecodableRecordException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error policy of our Streams apps in one place. A record that cannot be read or processed is
 * written to {@code igpulse.deadletter} (original bytes, standard headers) inside the same Streams
 * transaction that moves the input offset past it, so it is neither lost nor processed twice. An
 * unreachable registry is not the record's fault: the stream thread fails and is replaced, and the
 * record is read again.
 */
final class DeadLetterPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPolicy.class);

  private final String service;

  private DeadLetterPolicy(String service) {
    this.service = service;
  }

  /**
   * The policy of the app whose Streams config this is (service name from {@link ErrorHandling}).
   */
  static DeadLetterPolicy from(Map<String, ?> configs) {
    Object service = configs.get(ErrorHandling.SERVICE_CONFIG);
    if (service == null) {
      service = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
    }
    return new DeadLetterPolicy(String.valueOf(service));
  }

  /**
   * Whether the failure is transient (retry by failing the thread) rather than the record's own
   * fault.
   */
  static boolean isTransient(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof UndecodableRecordException undecodable) {
        return !undecodable.reason().isPoison();
      }
    }
    return false;
  }

  /** A dead letter of the source record a handler's context points at. */
  List<ProducerRecord<byte[], byte[]>> deadLetter(
      String reason, ErrorHandlerContext context, Exception error) {
    return deadLetter(
        reason,
        context.topic(),
        context.partition(),
        context.offset(),
        context.sourceRawKey(),
        context.sourceRawValue(),
        context.headers(),
        error);
  }

  List<ProducerRecord<byte[], byte[]>> deadLetter(
      String reason,
      String topic,
      int partition,
      long offset,
      byte[] key,
      byte[] value,
      Headers headers,
      Exception error) {
    LOG.warn(
        "Dead-lettering record at {}-{}@{} ({}): {}",
        topic,
        partition,
        offset,
        reason,
        error.toString());
    return List.of(
        DeadLetters.of(
            service,
            new DeadLetters.Origin(topic, partition, offset),
            key,
            value,
            headers,
            reason,
            error));
  }
}
