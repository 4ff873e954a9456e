package io.igpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.igpulse.events.MediaDiscovered;
import io.igpulse.schemas.serde.UndecodableRecordException.Reason;
import java.io.ByteArrayOutputStream;
import org.apache.avro.SystemLimitException;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/**
 * A few bytes declaring a 2 GB string must fail as a corrupt record without allocating it: Avro's
 * limits are in force once igpulse's serdes are loaded.
 */
class AvroLimitsTest {

  /** media_id's length as Avro's zig-zag varint of 2,147,483,000 (about 2 GB), and no body. */
  private static byte[] stringBomb() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long zigZag = 2_147_483_000L << 1;
    while ((zigZag & ~0x7FL) != 0) {
      out.write((int) ((zigZag & 0x7F) | 0x80));
      zigZag >>>= 7;
    }
    out.write((int) zigZag);
    return out.toByteArray();
  }

  @Test
  void shouldRefuseADeclaredLengthAboveTheLimitBeforeAllocatingIt() {
    new CheckedDeserializer<>((Deserializer<Object>) (t, d) -> null); // loads the limits
    byte[] bomb = stringBomb();

    Throwable thrown =
        catchThrowable(
            () ->
                new SpecificDatumReader<>(MediaDiscovered.class)
                    .read(null, DecoderFactory.get().binaryDecoder(bomb, null)));

    assertThat(bomb).hasSizeLessThanOrEqualTo(8);
    assertThat(AvroLimits.inForce()).isTrue();
    assertThat(AvroLimits.loadedTooLate()).isFalse();
    assertThat(thrown)
        .isInstanceOf(SystemLimitException.class)
        .hasMessageContaining("String length 2147483000 exceeds maximum allowed");
  }

  @Test
  void shouldRefuseADeclaredItemCountAboveTheLimitBeforeAllocatingIt() {
    new CheckedDeserializer<>((Deserializer<Object>) (t, d) -> null); // loads the limits
    // AccountRegistration: empty ig_user_id, label, token_ref, login_flavour 0, then hashtags
    // declaring 2,147,483,000 items.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[4]);
    out.writeBytes(stringBomb());
    byte[] bomb = out.toByteArray();

    Throwable thrown =
        catchThrowable(
            () ->
                new SpecificDatumReader<>(io.igpulse.events.AccountRegistration.class)
                    .read(null, DecoderFactory.get().binaryDecoder(bomb, null)));

    assertThat(bomb).hasSize(9);
    assertThat(thrown)
        .isInstanceOf(SystemLimitException.class)
        .hasMessage("Collection length 2147483000 exceeds the maximum allowed of 1000000");
  }

  @Test
  void shouldClassifyTheRefusalAsACorruptBody() {
    byte[] bomb = stringBomb();
    byte[] framed = new byte[5 + bomb.length];
    framed[4] = 1; // schema id 1
    System.arraycopy(bomb, 0, framed, 5, bomb.length);
    CheckedDeserializer<MediaDiscovered> deserializer =
        new CheckedDeserializer<>(
            (topic, data) -> {
              try {
                return new SpecificDatumReader<>(MediaDiscovered.class)
                    .read(null, DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    Throwable thrown = catchThrowable(() -> deserializer.deserialize("instagram.accounts", framed));

    assertThat(thrown).isInstanceOf(UndecodableRecordException.class);
    assertThat(((UndecodableRecordException) thrown).reason()).isEqualTo(Reason.CORRUPT_BODY);
    assertThat(((UndecodableRecordException) thrown).reason().isPoison()).isTrue();
  }
}
