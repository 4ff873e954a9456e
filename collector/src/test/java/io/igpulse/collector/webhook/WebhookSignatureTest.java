package io.igpulse.collector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.collector.webhook.WebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private final WebhookSignature signature = new WebhookSignature("app-secret-for-tests");
  private final byte[] body = "{\"object\":\"instagram\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldAcceptTheSignatureOfTheRawBody() {
    // HMAC-SHA256("app-secret-for-tests", body), computed independently with openssl.
    String expected = "sha256=272041ddc34e089d095231642a0fef1e0dc8146f872acbafbf516f8f9685f15c";

    assertThat(signature.header(body)).isEqualTo(expected);
    assertThat(signature.verify(body, expected)).isEqualTo(Verdict.VALID);
    assertThat(signature.verify(body, expected.toUpperCase().replace("SHA256=", "sha256=")))
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void shouldRefuseMissingForgedAndMalformedSignatures() {
    String genuine = signature.header(body);

    assertThat(signature.verify(body, null)).isEqualTo(Verdict.MISSING);
    assertThat(signature.verify(body, " ")).isEqualTo(Verdict.MISSING);
    assertThat(signature.verify(body, "sha256=" + "00".repeat(32))).isEqualTo(Verdict.FORGED);
    assertThat(signature.verify(body, "sha1=" + genuine.substring(7))).isEqualTo(Verdict.FORGED);
    assertThat(signature.verify(body, "sha256=nothex")).isEqualTo(Verdict.FORGED);
    assertThat(signature.verify("{}".getBytes(StandardCharsets.UTF_8), genuine))
        .isEqualTo(Verdict.FORGED);
    assertThat(new WebhookSignature("another-secret").verify(body, genuine))
        .isEqualTo(Verdict.FORGED);
  }

  @Test
  void shouldNotPrintTheSecret() {
    assertThat(signature.toString()).doesNotContain("app-secret-for-tests");
  }
}
