package io.igpulse.collector.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may call the admin API. The admin API lists, deactivates and registers accounts (and spends
 * an account's hashtag budget), so a bearer token is the default: the API is not served without one
 * unless an operator explicitly turns checking off, for a network where only trusted callers reach
 * the port. A blank token counts as none, so an empty variable cannot switch checking off.
 *
 * @param token the expected bearer token; empty when none (or a blank one) was given
 */
public record AdminAuth(Mode mode, Optional<String> token) {

  public static final String MODE_VARIABLE = "IGPULSE_COLLECTOR_ADMIN_AUTH";
  public static final String TOKEN_VARIABLE = "IGPULSE_COLLECTOR_ADMIN_TOKEN";
  private static final String SCHEME = "Bearer ";

  /** {@code token} (the default): every call needs the bearer token. */
  public enum Mode {
    TOKEN,
    DISABLED
  }

  public AdminAuth {
    token = token.filter(t -> !t.isBlank());
  }

  /**
   * @param mode {@code token} or {@code disabled} (any case); null means {@code token}
   * @param token the configured token, null or blank when none
   */
  public static AdminAuth parse(String mode, String token) {
    Mode parsed;
    String m = mode == null || mode.isBlank() ? "token" : mode.trim().toLowerCase(Locale.ROOT);
    switch (m) {
      case "token" -> parsed = Mode.TOKEN;
      case "disabled" -> parsed = Mode.DISABLED;
      default -> throw new IllegalArgumentException(MODE_VARIABLE + " must be token or disabled");
    }
    return new AdminAuth(parsed, Optional.ofNullable(token));
  }

  /**
   * Throws when the admin API must not be served: token mode without a usable token. Checked when
   * the service starts, not when the configuration is read, so that the {@code accounts} CLI (which
   * shares the configuration but serves nothing) needs no token.
   */
  public void requireServable() {
    if (mode == Mode.TOKEN && token.isEmpty()) {
      throw new IllegalStateException(
          TOKEN_VARIABLE
              + " is missing or blank: the admin API needs a bearer token (e.g. 32 random bytes"
              + " in hex). To serve it without one, on a network only trusted callers reach, set "
              + MODE_VARIABLE
              + "=disabled.");
    }
  }

  /**
   * Whether a request with this {@code Authorization} header may call the API. Both sides are
   * hashed before a constant-time comparison, so neither the token's content nor its length can be
   * learned from response times.
   */
  public boolean permits(String authorizationHeader) {
    if (mode == Mode.DISABLED) {
      return true;
    }
    if (token.isEmpty() || authorizationHeader == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(authorizationHeader), sha256(SCHEME + token.get()));
  }

  /** For the configuration log line: the mode, and whether a token is set, never its value. */
  @Override
  public String toString() {
    return mode == Mode.DISABLED ? "disabled" : token.isPresent() ? "token" : "token(missing)";
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
