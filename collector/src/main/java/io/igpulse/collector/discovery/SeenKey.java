package io.igpulse.collector.discovery;

import io.igpulse.events.DiscoverySource;
import java.util.Objects;

/**
 * What "already seen" means: one media found for one followed account through one source (and, for
 * hashtag sources, one hashtag). Encoded as {@code <account>|<source>|<hashtag>|<media>}, the key
 * of the collector's seen topic.
 */
public record SeenKey(String account, DiscoverySource source, String hashtag, String mediaId) {

  public SeenKey {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mediaId, "mediaId");
    hashtag = hashtag == null ? "" : hashtag;
  }

  public String encode() {
    return account + "|" + source.name() + "|" + hashtag + "|" + mediaId;
  }

  /** The part after the account, the member of the account's set in {@link SeenState}. */
  String withinAccount() {
    return source.name() + "|" + hashtag + "|" + mediaId;
  }

  /** The key read back from the seen topic, or null when it is not one of ours. */
  public static SeenKey parse(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split("\\|", -1);
    if (parts.length != 4 || parts[0].isEmpty() || parts[3].isEmpty()) {
      return null;
    }
    DiscoverySource source;
    try {
      source = DiscoverySource.valueOf(parts[1]);
    } catch (IllegalArgumentException e) {
      source = DiscoverySource.UNKNOWN;
    }
    return new SeenKey(parts[0], source, parts[2], parts[3]);
  }
}
