package io.igpulse.collector.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}. The
 * comparison takes the same time whatever the mismatch, so that a forger learns nothing from how
 * fast a refusal comes.
 */
public final class WebhookSignature {

  /** Why a request was refused, or that it passed. */
  public enum Verdict {
    VALID,
    MISSING,
    FORGED
  }

  private static final String PREFIX = "sha256=";
  private final SecretKeySpec key;

  public WebhookSignature(String appSecret) {
    this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public Verdict verify(byte[] body, String header) {
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    String h = header.trim();
    if (!h.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Verdict.FORGED;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(h.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Verdict.FORGED;
    }
    return MessageDigest.isEqual(sign(body), given) ? Verdict.VALID : Verdict.FORGED;
  }

  /** The header value a genuine sender puts on {@code body}. */
  public String header(byte[] body) {
    return PREFIX + HexFormat.of().formatHex(sign(body));
  }

  private byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[<redacted>]";
  }
}
