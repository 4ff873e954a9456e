package io.igpulse.graphapi.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.graphapi.Fixtures;
import io.igpulse.graphapi.Flavour;
import io.igpulse.graphapi.GraphApiConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  private static final String TOKEN = "EAAtoken456";

  @Test
  void shouldComputeAppsecretProofAsHmacSha256Hex() {
    // Reference value from Python: hmac.new(b'app-secret-123', b'EAAtoken456', hashlib.sha256)
    assertThat(AppSecretProof.of(TOKEN, "app-secret-123"))
        .isEqualTo("89fb73c555174d0a5d68cda3f774a5c839ed601f8673323b63300338bbc641e3");
  }

  @Test
  void shouldStripTokensFromNextUrls() {
    String next =
        Fixtures.json("media-list-paged.json")
            .path("paging")
            .path("next")
            .asText()
            .replace("REDACTED", TOKEN);
    String kept = TokenRedactor.stripSecrets(next + "&appsecret_proof=abc");
    assertThat(kept)
        .doesNotContain(TOKEN)
        .doesNotContain("access_token")
        .doesNotContain("appsecret_proof")
        .contains("limit=2")
        .contains("after=QVFIUmdT")
        .startsWith("https://graph.facebook.com/v24.0/17841400000000000/media?fields=");
  }

  @Test
  void shouldRedactParametersHeadersJsonAndKnownSecretsAnywhere() {
    TokenRedactor redactor = new TokenRedactor();
    redactor.register("s3cr3t-app-secret");
    String text =
        "GET /me?access_token="
            + TOKEN
            + " Authorization: Bearer "
            + TOKEN
            + " {\"access_token\":\""
            + TOKEN
            + "\"} secret s3cr3t-app-secret";
    assertThat(redactor.redact(text)).doesNotContain(TOKEN).doesNotContain("s3cr3t-app-secret");
  }

  @Test
  void shouldNeverPrintTokensOrSecretsInToString() {
    AccessToken token = new AccessToken(TOKEN, Optional.empty(), Optional.of(Instant.EPOCH));
    assertThat(token.toString()).doesNotContain(TOKEN).startsWith("AccessToken[tok-");
    GraphApiConfig config =
        GraphApiConfig.defaults(Flavour.FACEBOOK).withAppSecret("s3cr3t-app-secret");
    assertThat(config.toString()).doesNotContain("s3cr3t-app-secret").contains("<redacted>");
  }

  @Test
  void shouldReadTokensFromEnvironmentAndSecretsFile(@TempDir Path dir) throws Exception {
    TokenRedactor redactor = new TokenRedactor();
    InMemoryTokenProvider env =
        InMemoryTokenProvider.fromEnv(Map.of("IGPULSE_TOKEN_178", TOKEN, "OTHER", "x"), redactor);
    assertThat(env.tokenFor("178")).map(AccessToken::value).contains(TOKEN);
    assertThat(env.tokenFor("999")).isEmpty();
    Path file = dir.resolve("tokens.properties");
    Files.writeString(file, "178 = " + TOKEN + "\nDEFAULT=EAAdefault999\n");
    InMemoryTokenProvider fromFile = InMemoryTokenProvider.fromSecretsFile(file, redactor);
    assertThat(fromFile.tokenFor("178")).map(AccessToken::value).contains(TOKEN);
    assertThat(fromFile.tokenFor("999")).map(AccessToken::value).contains("EAAdefault999");
    assertThat(fromFile.toString()).doesNotContain(TOKEN);
    assertThat(redactor.redact("x " + TOKEN)).doesNotContain(TOKEN);
  }

  @Test
  void shouldRefreshOnlyOldEnoughTokensNearExpiry() {
    Instant now = Instant.parse("2026-01-12T08:00:00Z");
    RefreshPolicy policy = RefreshPolicy.DEFAULT;
    AccessToken young =
        new AccessToken(
            TOKEN,
            Optional.of(now.minus(Duration.ofHours(2))),
            Optional.of(now.plus(Duration.ofDays(3))));
    AccessToken due =
        new AccessToken(
            TOKEN,
            Optional.of(now.minus(Duration.ofDays(55))),
            Optional.of(now.plus(Duration.ofDays(5))));
    AccessToken fresh =
        new AccessToken(
            TOKEN,
            Optional.of(now.minus(Duration.ofDays(2))),
            Optional.of(now.plus(Duration.ofDays(58))));
    assertThat(policy.isDue(young, now)).isFalse();
    assertThat(policy.isDue(due, now)).isTrue();
    assertThat(policy.isDue(fresh, now)).isFalse();
    assertThat(policy.isDue(AccessToken.of(TOKEN), now)).isFalse();
  }
}
