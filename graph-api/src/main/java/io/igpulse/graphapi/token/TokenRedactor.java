package io.igpulse.graphapi.token;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from any text the client might print: query parameters that carry a token or a
 * proof, {@code Bearer} headers, and every token or secret the client has been handed (registered
 * here as they are read), wherever they appear. One shared instance per client.
 */
public final class TokenRedactor {

  public static final String MASK = "<redacted>";
  private static final Pattern SECRET_PARAMS =
      Pattern.compile(
          "((?:access_token|appsecret_proof|client_secret|fb_exchange_token|input_token)=)[^&\\s\"']+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BEARER =
      Pattern.compile("(Bearer\\s+)[A-Za-z0-9._\\-|%]+", Pattern.CASE_INSENSITIVE);
  private static final Pattern SECRET_JSON =
      Pattern.compile(
          "(\"(?:access_token|appsecret_proof|client_secret)\"\\s*:\\s*\")[^\"]*",
          Pattern.CASE_INSENSITIVE);

  private final Set<String> known = ConcurrentHashMap.newKeySet();

  /** Remembers a secret so that it is masked even where no parameter name announces it. */
  public void register(String secret) {
    if (secret != null && secret.length() >= 8) {
      known.add(secret);
    }
  }

  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = SECRET_PARAMS.matcher(text).replaceAll("$1" + MASK);
    out = BEARER.matcher(out).replaceAll("$1" + MASK);
    out = SECRET_JSON.matcher(out).replaceAll("$1" + MASK);
    for (String secret : known) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }

  /** Drops token-bearing parameters from a URL (used for next-page URLs before they are kept). */
  public static String stripSecrets(String url) {
    if (url == null) {
      return null;
    }
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    StringBuilder kept = new StringBuilder(url.substring(0, q));
    char sep = '?';
    for (String part : url.substring(q + 1).split("&")) {
      String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
      if (part.isEmpty() || isSecretParam(name)) {
        continue;
      }
      kept.append(sep).append(part);
      sep = '&';
    }
    return kept.toString();
  }

  static boolean isSecretParam(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "access_token", "appsecret_proof", "client_secret", "fb_exchange_token", "input_token" ->
          true;
      default -> false;
    };
  }
}
