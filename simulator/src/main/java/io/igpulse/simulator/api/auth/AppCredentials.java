package io.igpulse.simulator.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulated Meta app: its id, its secret (for {@code appsecret_proof} and webhook signatures)
 * and whether calls must carry a proof.
 */
public record AppCredentials(String appId, String appSecret, boolean requireAppsecretProof) {

  /** Hex HMAC-SHA256 of {@code data} keyed by the app secret. */
  public String sign(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  public String proofFor(String token) {
    return sign(token.getBytes(StandardCharsets.UTF_8));
  }
}
