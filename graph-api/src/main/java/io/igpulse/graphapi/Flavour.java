package io.igpulse.graphapi;

import java.util.Locale;

/**
 * Which login the tokens come from. The two hosts serve the same paths but differ in what they
 * allow: only the Facebook-Login flavour has hashtag search, {@code /me/accounts} and some {@code
 * total_*} metrics; only the Instagram-Login flavour refreshes its own long-lived tokens.
 */
public enum Flavour {
  FACEBOOK("https://graph.facebook.com"),
  INSTAGRAM("https://graph.instagram.com");

  private final String defaultBaseUrl;

  Flavour(String defaultBaseUrl) {
    this.defaultBaseUrl = defaultBaseUrl;
  }

  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  public boolean hasHashtagSearch() {
    return this == FACEBOOK;
  }

  public boolean refreshesTokens() {
    return this == INSTAGRAM;
  }

  /**
   * Accepts {@code facebook}, {@code instagram} or a host name such as {@code graph.instagram.com}.
   */
  public static Flavour parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.contains("instagram")) {
      return INSTAGRAM;
    }
    if (t.contains("facebook")) {
      return FACEBOOK;
    }
    throw new IllegalArgumentException("unknown flavour: " + text);
  }
}
