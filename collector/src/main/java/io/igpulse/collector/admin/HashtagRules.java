package io.igpulse.collector.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tracked hashtag may be. Instagram hashtags are letters (any script), digits and
 * underscores; anything else cannot be searched, and a {@code |} or {@code /} would break the keys
 * the collector builds from a hashtag (seen markers are {@code account|source|…}). An account can
 * search at most 30 distinct hashtags per 7 days, so more than that per account could never all be
 * tracked. Refusing at registration, with a message, beats a registration that fails later.
 */
public final class HashtagRules {

  /** Longest hashtag accepted, in characters (Instagram's own limit is lower in practice). */
  public static final int MAX_LENGTH = 100;

  /** Most hashtags per account: the Graph API's 30 distinct hashtag searches per 7 days. */
  public static final int MAX_PER_ACCOUNT = 30;

  /** Letters and combining marks of any script, decimal digits, underscore. */
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_]+");

  private HashtagRules() {}

  /**
   * The hashtags as tracked: trimmed, lower-cased, without a leading {@code #}, blanks dropped,
   * duplicates once, in order; refuses (IllegalArgumentException with a message) any that breaks a
   * rule.
   */
  public static List<String> normalize(List<String> hashtags) {
    if (hashtags == null) {
      return List.of();
    }
    Set<String> kept = new LinkedHashSet<>();
    for (String raw : hashtags) {
      if (raw == null) {
        continue;
      }
      String tag = raw.strip().toLowerCase(Locale.ROOT);
      tag = tag.startsWith("#") ? tag.substring(1) : tag;
      if (tag.isEmpty()) {
        continue;
      }
      if (tag.codePointCount(0, tag.length()) > MAX_LENGTH) {
        throw new IllegalArgumentException(
            "hashtag " + shown(tag) + " is longer than " + MAX_LENGTH + " characters");
      }
      if (!ALLOWED.matcher(tag).matches()) {
        throw new IllegalArgumentException(
            "hashtag "
                + shown(tag)
                + " may hold only letters, digits and _ (no spaces, #, |, / or punctuation)");
      }
      kept.add(tag);
    }
    if (kept.size() > MAX_PER_ACCOUNT) {
      throw new IllegalArgumentException(
          kept.size()
              + " hashtags for one account; at most "
              + MAX_PER_ACCOUNT
              + " (the Graph API allows 30 distinct hashtag searches per 7 days)");
    }
    return new ArrayList<>(kept);
  }

  /** The start of a refused hashtag for the error message (it is echoed back to the caller). */
  private static String shown(String tag) {
    return "'" + (tag.length() > 40 ? tag.substring(0, 40) + "…" : tag) + "'";
  }
}
