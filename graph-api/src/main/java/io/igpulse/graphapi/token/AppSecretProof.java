package io.igpulse.graphapi.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code appsecret_proof}: hex HMAC-SHA256 of the access token keyed by the app secret. Apps that
 * require it refuse calls without it, and it proves a leaked token alone is not enough.
 */
public final class AppSecretProof {

  private AppSecretProof() {}

  public static String of(String accessToken, String appSecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * First 8 hex digits of the token's SHA-256: enough to tell tokens apart, useless to an attacker.
   */
  static String fingerprint(String token) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return "tok-" + HexFormat.of().formatHex(d, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
