package io.igpulse.simulator.api;

import java.util.Locale;

/** The endpoints the simulator serves; names used in stats and in fault rules. */
public enum Endpoint {
  ME_ACCOUNTS,
  PAGE,
  USER,
  USER_MEDIA,
  USER_STORIES,
  USER_TAGS,
  USER_INSIGHTS,
  RECENTLY_SEARCHED_HASHTAGS,
  MEDIA,
  MEDIA_CHILDREN,
  MEDIA_INSIGHTS,
  HASHTAG,
  HASHTAG_SEARCH,
  HASHTAG_RECENT_MEDIA,
  HASHTAG_TOP_MEDIA,
  REFRESH_ACCESS_TOKEN,
  BATCH,
  IDS,
  UNKNOWN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label ({@code media_insights}) or returns null. */
  public static Endpoint fromLabel(String label) {
    for (Endpoint endpoint : values()) {
      if (endpoint.label().equals(label)) {
        return endpoint;
      }
    }
    return null;
  }
}
