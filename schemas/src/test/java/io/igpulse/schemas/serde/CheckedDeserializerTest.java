package io.igpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.igpulse.schemas.serde.UndecodableRecordException.Reason;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/**
 * Framing checks happen before the registry is asked; the registry-side failures are covered by the
 * ITs.
 */
class CheckedDeserializerTest {

  private final AtomicInteger delegateCalls = new AtomicInteger();
  private final Deserializer<String> delegate =
      (topic, data) -> {
        delegateCalls.incrementAndGet();
        throw new org.apache.avro.AvroRuntimeException("Malformed data. Length is negative: -40");
      };
  private final CheckedDeserializer<String> deserializer = new CheckedDeserializer<>(delegate);

  @Test
  void shouldPassTombstonesThroughAsNull() {
    assertThat(deserializer.deserialize("t", null)).isNull();
    assertThat(delegateCalls).hasValue(0);
  }

  @Test
  void shouldRejectEmptyBytesWithoutAskingTheRegistry() {
    UndecodableRecordException e =
        catchThrowableOfType(
            UndecodableRecordException.class, () -> deserializer.deserialize("t", new byte[0]));

    assertThat(e.reason()).isEqualTo(Reason.EMPTY);
    assertThat(delegateCalls).hasValue(0);
  }

  @Test
  void shouldRejectBytesThatAreNotApicurioFramed() {
    UndecodableRecordException e =
        catchThrowableOfType(
            UndecodableRecordException.class,
            () -> deserializer.deserialize("orders", "{\"json\":1}".getBytes()));

    assertThat(e.reason()).isEqualTo(Reason.NOT_AVRO_FRAMED);
    assertThat(e.getMessage()).contains("topic orders").contains("0x7b");
    assertThat(e.reason().isPoison()).isTrue();
    assertThat(delegateCalls).hasValue(0);
  }

  @Test
  void shouldCallAnAvroFailureACorruptBodyNamingTheSchemaId() {
    byte[] framed = {0, 0, 0, 1, 7, (byte) 0xff, (byte) 0xff};

    UndecodableRecordException e =
        catchThrowableOfType(
            UndecodableRecordException.class, () -> deserializer.deserialize("t", framed));

    assertThat(e.reason()).isEqualTo(Reason.CORRUPT_BODY);
    assertThat(e.getMessage()).contains("schema id 263");
  }

  @Test
  void placingAFailureKeepsReasonAndDetailAndAddsThePosition() {
    UndecodableRecordException placed =
        new UndecodableRecordException(Reason.UNKNOWN_SCHEMA_ID, "t", "schema id 9 unknown", null)
            .at(2, 41L);

    assertThat(placed.getMessage())
        .isEqualTo(
            "Undecodable record (UNKNOWN_SCHEMA_ID) at topic t, partition 2, offset 41: schema id 9 unknown");
    assertThat(placed.partition()).hasValue(2);
    assertThat(placed.offset()).hasValue(41L);
  }

  @Test
  void aRegistryOutageIsNotPoison() {
    assertThat(Reason.REGISTRY_UNAVAILABLE.isPoison()).isFalse();
  }
}
