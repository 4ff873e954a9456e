package io.igpulse.graphapi.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secrets the redactor used to miss: short ones, and parameters under percent-encoded names. */
class TokenRedactorTest {

  @Test
  void shouldMaskARegisteredSecretShorterThanEightCharactersWhereItStandsAlone() {
    TokenRedactor redactor = new TokenRedactor();
    redactor.register("k3y42");

    assertThat(redactor.redact("app secret k3y42 refused; proof=k3y42&x=1"))
        .isEqualTo("app secret <redacted> refused; proof=<redacted>&x=1");
  }

  @Test
  void shouldLeaveWordsThatMerelyContainAShortSecret() {
    TokenRedactor redactor = new TokenRedactor();
    redactor.register("abc");

    assertThat(redactor.redact("abcdef xabc abc")).isEqualTo("abcdef xabc <redacted>");
  }

  @Test
  void shouldMaskParametersUnderPercentEncodedNames() {
    TokenRedactor redactor = new TokenRedactor();

    assertThat(
            redactor.redact(
                "GET /me?access%5Ftoken=EAAB1&client%5fsecret=s2&%61ppsecret_proof=p3&limit=2"))
        .isEqualTo(
            "GET /me?access%5Ftoken=<redacted>&client%5fsecret=<redacted>"
                + "&%61ppsecret_proof=<redacted>&limit=2");
  }

  @Test
  void shouldMaskAParameterInsideAnEncodedUrl() {
    TokenRedactor redactor = new TokenRedactor();

    assertThat(redactor.redact("redirect=https%3A%2F%2Fx%2Fcb%3Faccess_token%3DEAAB1 done"))
        .isEqualTo("redirect=https%3A%2F%2Fx%2Fcb%3Faccess_token%3D<redacted> done");
  }

  @Test
  void shouldStripSecretParametersUnderEncodedNamesFromNextUrls() {
    assertThat(
            TokenRedactor.stripSecrets(
                "https://graph.facebook.com/v24.0/1/media?access%5Ftoken=EAAB1&after=QV&%zz=1"))
        .isEqualTo("https://graph.facebook.com/v24.0/1/media?after=QV");
  }
}
