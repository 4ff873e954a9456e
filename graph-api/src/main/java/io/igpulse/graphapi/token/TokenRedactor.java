package io.igpulse.graphapi.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes secrets from any text the client might print: query parameters that carry a token or a
 * proof (also under percent-encoded names), {@code Bearer} headers, and every token or secret the
 * client has been handed (registered here as they are read), wherever they appear. One shared
 * instance per client.
 */
public final class TokenRedactor {

  public static final String MASK = "<redacted>";

  /** Parameter names that carry a secret; matched also when percent-encoded. */
  private static final List<String> SECRET_NAMES =
      List.of(
          "access_token", "appsecret_proof", "client_secret", "fb_exchange_token", "input_token");

  /**
   * {@code name=value} for each secret name, where any character of the name, and the {@code =},
   * may be percent-encoded ({@code access%5Ftoken=}, {@code access_token%3D} inside an encoded
   * URL): a URL is printed in whatever encoding its builder chose.
   */
  private static final Pattern SECRET_PARAMS =
      Pattern.compile(
          "((?:"
              + SECRET_NAMES.stream()
                  .map(TokenRedactor::encodedAnyhow)
                  .collect(Collectors.joining("|"))
              + ")(?:=|%3D))[^&\\s\"']+",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BEARER =
      Pattern.compile("(Bearer\\s+)[A-Za-z0-9._\\-|%]+", Pattern.CASE_INSENSITIVE);
  private static final Pattern SECRET_JSON =
      Pattern.compile(
          "(\"(?:access_token|appsecret_proof|client_secret)\"\\s*:\\s*\")[^\"]*",
          Pattern.CASE_INSENSITIVE);

  /**
   * Secrets at least this long are masked wherever they appear; shorter ones only where they stand
   * alone (between characters that cannot be part of a token), so that a 5-character test secret is
   * masked without masking every word that contains it.
   */
  static final int SUBSTRING_MIN_LENGTH = 8;

  private static final String TOKEN_CHAR = "[A-Za-z0-9._~%\\-]";

  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private final Map<String, Pattern> shortOnes = new ConcurrentHashMap<>();

  /** Remembers a secret so that it is masked even where no parameter name announces it. */
  public void register(String secret) {
    if (secret == null || secret.isBlank()) {
      return;
    }
    if (secret.length() >= SUBSTRING_MIN_LENGTH) {
      known.add(secret);
    } else {
      shortOnes.computeIfAbsent(
          secret,
          s ->
              Pattern.compile(
                  "(?<!" + TOKEN_CHAR + ")" + Pattern.quote(s) + "(?!" + TOKEN_CHAR + ")"));
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
    for (Map.Entry<String, Pattern> secret : shortOnes.entrySet()) {
      if (out.contains(secret.getKey())) {
        out = secret.getValue().matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
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

  /** Whether a (possibly percent-encoded) parameter name carries a secret; undecodable ones do. */
  static boolean isSecretParam(String name) {
    String decoded;
    try {
      decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return true;
    }
    return SECRET_NAMES.contains(decoded.toLowerCase(Locale.ROOT));
  }

  /** A regex matching {@code name} with any of its characters written as itself or as %XX. */
  private static String encodedAnyhow(String name) {
    StringBuilder regex = new StringBuilder();
    for (char c : name.toCharArray()) {
      regex
          .append("(?:")
          .append(Pattern.quote(String.valueOf(c)))
          .append("|%")
          .append(String.format("%02X", (int) c))
          .append(')');
    }
    return regex.toString();
  }
}
