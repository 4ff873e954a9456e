package io.igpulse.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.schemas.deadletter.DeadLetters;
import io.igpulse.schemas.serde.UndecodableRecordException;
import io.igpulse.schemas.serde.UndecodableRecordException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {

  private static final ErrorHandlerContext NO_CONTEXT = null;

  @Test
  void shouldDeadLetterAPoisonRecordWithTheServiceNameFromTheStreamsConfig() {
    DeadLetterDeserializationHandler handler = configured("enricher");
    ConsumerRecord<byte[], byte[]> poison =
        new ConsumerRecord<>(
            "instagram.media.discovered",
            3,
            42L,
            "m-1".getBytes(StandardCharsets.UTF_8),
            new byte[] {7, 7, 7});

    Response response =
        handler.handleError(
            NO_CONTEXT,
            poison,
            new UndecodableRecordException(
                Reason.NOT_AVRO_FRAMED, poison.topic(), "first byte 7", null));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
    assertThat(letter.topic()).isEqualTo("igpulse.deadletter");
    assertThat(letter.value()).containsExactly(7, 7, 7);
    assertThat(header(letter, DeadLetters.SERVICE)).isEqualTo("enricher");
    assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo("instagram.media.discovered");
    assertThat(header(letter, DeadLetters.PARTITION)).isEqualTo("3");
    assertThat(header(letter, DeadLetters.OFFSET)).isEqualTo("42");
  }

  @Test
  void shouldFailTheThreadRatherThanDeadLetterWhenTheRegistryIsUnreachable() {
    DeadLetterDeserializationHandler handler = configured("aggregator");
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("instagram.media.insights", 0, 1L, null, new byte[] {0, 0, 0, 0, 9});

    Response response =
        handler.handleError(
            NO_CONTEXT,
            record,
            new UndecodableRecordException(
                Reason.REGISTRY_UNAVAILABLE, record.topic(), "connection refused", null));

    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  private static DeadLetterDeserializationHandler configured(String service) {
    Properties props = ErrorHandling.install(new Properties(), service);
    Map<String, Object> configs = new HashMap<>();
    props.forEach((k, v) -> configs.put((String) k, v));
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(configs);
    return handler;
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
