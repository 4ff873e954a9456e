package io.igpulse.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.api.auth.AppCredentials;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenRulesTest {

  private final ApiFixture fx = new ApiFixture(7, 5);

  private JsonNode error(GraphResponse response) {
    assertThat(response.status()).isEqualTo(400);
    return ApiFixture.json(response).get("error");
  }

  private String user(int account) {
    return "/v24.0/" + fx.world.account(account).igUserId();
  }

  @Test
  void shouldRefuseUnknownTokensWith190AndNoSubcode() {
    JsonNode error = error(fx.get(user(0), "EAAnotatoken"));

    assertThat(error.get("code").asInt()).isEqualTo(190);
    assertThat(error.has("error_subcode")).isFalse();
    assertThat(error.get("message").asText())
        .isEqualTo("Invalid OAuth access token - Cannot parse access token");
    assertThat(error.get("type").asText()).isEqualTo("OAuthException");
  }

  @Test
  void shouldRefuseCallsWithoutTokenWith104() {
    JsonNode error = error(fx.get(user(0), null));

    assertThat(error.get("code").asInt()).isEqualTo(104);
  }

  @Test
  void shouldRefuseExpiredTokensWith190Subcode463AndTheExpiryInPacificTime() {
    long expires = fx.world.account(0).tokenIssuedSec() + TokenRegistry.LIFETIME_SEC;
    fx.clock.set(Instant.ofEpochSecond(expires));

    JsonNode error = error(fx.get(user(0), fx.token(0)));

    assertThat(error.get("code").asInt()).isEqualTo(190);
    assertThat(error.get("error_subcode").asInt()).isEqualTo(463);
    assertThat(error.get("message").asText())
        .matches(
            "Error validating access token: Session has expired on [A-Z][a-z]+day, \\d\\d-[A-Z][a-z]{2}-\\d\\d \\d\\d:\\d\\d:\\d\\d P[SD]T\\.");
  }

  @Test
  void shouldRefuseRevokedTokensWith190Subcode460() {
    fx.tokens.revoke(fx.token(1));

    JsonNode error = error(fx.get(user(1), fx.token(1)));

    assertThat(error.get("code").asInt()).isEqualTo(190);
    assertThat(error.get("error_subcode").asInt()).isEqualTo(460);
  }

  @Test
  void shouldAcceptTheTokenAsBearerHeader() {
    GraphResponse response =
        fx.api.handle("GET", user(2), new java.util.LinkedHashMap<>(), fx.token(2));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText())
        .isEqualTo("{\"id\":\"" + fx.world.account(2).igUserId() + "\"}");
  }

  @Test
  void shouldEnforceAppsecretProofWhenTheAppRequiresIt() {
    AppCredentials app = new AppCredentials("1000000042", "s3cr3t", true);
    ApiFixture strict = new ApiFixture(7, 5, ApiSettings.defaults(app));
    String token = strict.token(0);
    String path = "/v24.0/" + strict.world.account(0).igUserId();

    JsonNode missing = ApiFixture.json(strict.get(path, token)).get("error");
    JsonNode wrong =
        ApiFixture.json(strict.get(path, token, "appsecret_proof", "00ff")).get("error");
    GraphResponse right = strict.get(path, token, "appsecret_proof", app.proofFor(token));

    assertThat(missing.get("message").asText())
        .isEqualTo("API calls from the server require an appsecret_proof argument");
    assertThat(missing.get("code").asInt()).isEqualTo(100);
    assertThat(wrong.get("message").asText())
        .isEqualTo("Invalid appsecret_proof provided in the API argument");
    assertThat(right.status()).isEqualTo(200);
  }

  @Test
  void shouldComputeTheProofAsHexHmacSha256OfTheTokenKeyedByTheSecret() {
    AppCredentials app = new AppCredentials("1", "key", false);

    // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a published test vector.
    assertThat(app.proofFor("The quick brown fox jumps over the lazy dog"))
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void shouldRefreshTokensOnlyOnceTheyAreADayOld() {
    long issued = fx.world.account(0).tokenIssuedSec();
    JsonNode refreshed =
        ApiFixture.json(
            fx.get("/v24.0/refresh_access_token", fx.token(0), "grant_type", "ig_refresh_token"));

    assertThat(refreshed.get("token_type").asText()).isEqualTo("bearer");
    assertThat(refreshed.get("expires_in").asLong()).isEqualTo(TokenRegistry.LIFETIME_SEC);
    String fresh = refreshed.get("access_token").asText();
    assertThat(fx.get(user(0), fresh).status()).isEqualTo(200);
    assertThat(fx.clock.nowEpochSecond() - issued).isGreaterThanOrEqualTo(86_400L);

    JsonNode tooYoung =
        ApiFixture.json(
                fx.get("/v24.0/refresh_access_token", fresh, "grant_type", "ig_refresh_token"))
            .get("error");
    assertThat(tooYoung.get("code").asInt()).isEqualTo(100);
  }
}
