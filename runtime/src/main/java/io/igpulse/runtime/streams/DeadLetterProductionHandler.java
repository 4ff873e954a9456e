package io.igpulse.runtime.streams;

import java.io.IOException;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.LoggerFactory;

/**
 * An output record that cannot be written (rejected by the broker, or refused by the registry) is
 * dead-lettered with the source record that produced it; a registry that is down fails the thread
 * so the record is retried.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

  private DeadLetterPolicy policy;

  @Override
  public void configure(Map<String, ?> configs) {
    policy = DeadLetterPolicy.from(configs);
  }

  /**
   * The broker refused a write. Under exactly-once the transaction is already doomed, so there is
   * nothing to dead-letter into: fail loudly, the thread is replaced and the transaction retried
   * from the last commit.
   */
  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception error) {
    LoggerFactory.getLogger(DeadLetterProductionHandler.class)
        .error(
            "Write to {} failed (source {}-{}@{}): {}",
            record.topic(),
            context.topic(),
            context.partition(),
            context.offset(),
            error.toString());
    return Response.fail();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception error,
      SerializationExceptionOrigin origin) {
    if (DeadLetterPolicy.isTransient(error) || isRegistryOutage(error)) {
      return Response.fail();
    }
    return Response.resume(
        policy.deadLetter("cannot serialize " + origin + " for " + record.topic(), context, error));
  }

  /**
   * A network failure talking to the registry while registering or looking up the output schema.
   */
  private static boolean isRegistryOutage(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
