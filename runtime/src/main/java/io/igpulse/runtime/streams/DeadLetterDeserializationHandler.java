package io.igpulse.runtime.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Undecodable input: dead letter and go on, unless the registry is unreachable (then retry). */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private DeadLetterPolicy policy;
  private GlobalDeadLetterWriter global;

  @Override
  public void configure(Map<String, ?> configs) {
    policy = DeadLetterPolicy.from(configs);
    global = new GlobalDeadLetterWriter(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception error) {
    if (DeadLetterPolicy.isTransient(error)) {
      return Response.fail();
    }
    List<ProducerRecord<byte[], byte[]>> letters =
        policy.deadLetter(
            "undecodable record",
            record.topic(),
            record.partition(),
            record.offset(),
            record.key(),
            record.value(),
            record.headers(),
            error);
    if (context != null && GlobalDeadLetterWriter.isGlobal(context.taskId())) {
      // Streams cannot send a global thread's dead letters itself (see GlobalDeadLetterWriter).
      global.write(letters);
      return Response.resume();
    }
    return Response.resume(letters);
  }
}
