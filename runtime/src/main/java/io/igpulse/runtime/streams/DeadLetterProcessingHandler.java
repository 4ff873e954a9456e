package io.igpulse.runtime.streams;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/** A processor threw on one record: dead-letter the source record that led to it and go on. */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private DeadLetterPolicy policy;

  @Override
  public void configure(Map<String, ?> configs) {
    policy = DeadLetterPolicy.from(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception error) {
    if (DeadLetterPolicy.isTransient(error)) {
      return Response.fail();
    }
    return Response.resume(
        policy.deadLetter("processing failed in " + context.processorNodeId(), context, error));
  }
}
