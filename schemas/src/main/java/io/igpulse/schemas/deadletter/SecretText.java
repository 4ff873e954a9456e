package io.igpulse.schemas.deadletter;

import java.util.regex.Pattern;

/**
 * Masks what looks like a credential in free text bound for a dead letter. A dead letter's {@code
 * cause} is an exception message, and messages quote URLs, request lines and answers: the topic is
 * read by more people than the services' secrets are, and it is kept for weeks. Unlike the Graph
 * API client's redactor (which also knows every token it was handed), this knows no secret: it
 * masks by shape — a secret-carrying parameter (also under a percent-encoded name), a {@code
 * Bearer} credential, a secret JSON field, and anything shaped like a Meta access token.
 */
public final class SecretText {

  public static final String MASK = "<redacted>";

  /** A letter of a parameter name, as itself or percent-encoded. */
  private static String anyhow(String name) {
    StringBuilder regex = new StringBuilder();
    for (char c : name.toCharArray()) {
      regex.append("(?:").append(c).append("|%").append(String.format("%02X", (int) c)).append(')');
    }
    return regex.toString();
  }

  private static final Pattern PARAMS =
      Pattern.compile(
          "((?:"
              + String.join(
                  "|",
                  anyhow("access_token"),
                  anyhow("appsecret_proof"),
                  anyhow("client_secret"),
                  anyhow("fb_exchange_token"),
                  anyhow("input_token"))
              + ")(?:=|%3D))[^&\\s\"']+",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BEARER =
      Pattern.compile("(Bearer\\s+)[A-Za-z0-9._\\-|%~+/=]+", Pattern.CASE_INSENSITIVE);

  private static final Pattern JSON =
      Pattern.compile(
          "(\"(?:access_token|appsecret_proof|client_secret|token)\"\\s*:\\s*\")[^\"]*",
          Pattern.CASE_INSENSITIVE);

  /** Meta user, page and system-user tokens (EAA…), Instagram Login tokens (IGQV…, IGAA…). */
  private static final Pattern TOKEN_SHAPED =
      Pattern.compile("\\b(?:EAA|IGQV|IGAA)[A-Za-z0-9_\\-]{16,}");

  private SecretText() {}

  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = PARAMS.matcher(text).replaceAll("$1" + MASK);
    out = BEARER.matcher(out).replaceAll("$1" + MASK);
    out = JSON.matcher(out).replaceAll("$1" + MASK);
    return TOKEN_SHAPED.matcher(out).replaceAll(MASK);
  }
}
