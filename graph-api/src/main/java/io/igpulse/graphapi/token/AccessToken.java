package io.igpulse.graphapi.token;

import java.time.Instant;
import java.util.Optional;

/**
 * An access token with what is known of its life. Its {@code toString} never shows the value, so it
 * can travel through logs, exceptions and debuggers without leaking.
 *
 * @param issuedAt when it was issued or last refreshed, if known
 * @param expiresAt when it expires, if known (Page and system-user tokens often never do)
 */
public record AccessToken(String value, Optional<Instant> issuedAt, Optional<Instant> expiresAt) {

  public AccessToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("empty access token");
    }
  }

  public static AccessToken of(String value) {
    return new AccessToken(value, Optional.empty(), Optional.empty());
  }

  /** A short, stable, non-reversible label for metrics and pacing keys. */
  public String fingerprint() {
    return AppSecretProof.fingerprint(value);
  }

  @Override
  public String toString() {
    return "AccessToken["
        + fingerprint()
        + ", expiresAt="
        + expiresAt.map(Instant::toString).orElse("?")
        + "]";
  }
}
