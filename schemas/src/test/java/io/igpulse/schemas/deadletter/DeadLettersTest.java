package io.igpulse.schemas.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  @Test
  void shouldKeepTheOriginalBytesAndHeadersAndSayWhereAndWhy() {
    RecordHeaders original = new RecordHeaders();
    original.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
    original.add(
        DeadLetters.REASON, "stale reason from an earlier hop".getBytes(StandardCharsets.UTF_8));
    byte[] key = {1, 2};
    byte[] value = {3, 4, 5};
    Exception error =
        new IllegalStateException("outer", new IllegalArgumentException("root cause"));

    ProducerRecord<byte[], byte[]> letter =
        DeadLetters.of(
            "enricher",
            new DeadLetters.Origin("instagram.media.discovered", 4, 1234L),
            key,
            value,
            original,
            "bad",
            error);

    assertThat(letter.topic()).isEqualTo("igpulse.deadletter");
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value()).isEqualTo(value);
    assertThat(DeadLetters.header(letter.headers(), "trace")).isEqualTo("abc");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.REASON)).isEqualTo("bad");
    assertThat(letter.headers().headers(DeadLetters.REASON)).hasSize(1);
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.SERVICE)).isEqualTo("enricher");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.TOPIC))
        .isEqualTo("instagram.media.discovered");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.PARTITION)).isEqualTo("4");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.OFFSET)).isEqualTo("1234");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.EXCEPTION_CLASS))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.CAUSE))
        .isEqualTo("outer <- java.lang.IllegalArgumentException: root cause");
  }

  @Test
  void shouldStoreACauseContainingTokensRedacted() {
    String token = "EAASd1f0c0ffee5eed1234567890abcdef";
    Exception error =
        new IllegalStateException(
            "GET https://graph.facebook.com/v24.0/me?access%5Ftoken=" + token + "&fields=id failed",
            new java.io.IOException(
                "Authorization: Bearer " + token + " refused; {\"client_secret\":\"s3\"}"));

    ProducerRecord<byte[], byte[]> letter =
        DeadLetters.of(
            "collector",
            new DeadLetters.Origin("instagram.accounts", 0, 7L),
            null,
            new byte[] {1},
            null,
            "bad",
            error);

    assertThat(DeadLetters.header(letter.headers(), DeadLetters.CAUSE))
        .isEqualTo(
            "GET https://graph.facebook.com/v24.0/me?access%5Ftoken=<redacted>&fields=id failed"
                + " <- java.io.IOException: Authorization: Bearer <redacted> refused;"
                + " {\"client_secret\":\"<redacted>\"}")
        .doesNotContain(token);
  }

  @Test
  void shouldMaskTokenShapedTextWhereverItIs() {
    assertThat(SecretText.redact("token EAASd1f0c0ffee5eed1234567890 and IGQVJabcdefghijklmnop1"))
        .isEqualTo("token <redacted> and <redacted>");
    assertThat(SecretText.redact("media 17841400000000001 of EAAS"))
        .isEqualTo("media 17841400000000001 of EAAS");
  }

  @Test
  void shouldCutLongCauses() {
    String longMessage = "x".repeat(5_000);

    ProducerRecord<byte[], byte[]> letter =
        DeadLetters.of(
            "s",
            new DeadLetters.Origin("t", -1, -1),
            null,
            new byte[0],
            null,
            "r",
            new RuntimeException(longMessage));

    assertThat(DeadLetters.header(letter.headers(), DeadLetters.CAUSE))
        .hasSize(DeadLetters.MAX_TEXT + 1);
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.PARTITION)).isEqualTo("-1");
  }
}
