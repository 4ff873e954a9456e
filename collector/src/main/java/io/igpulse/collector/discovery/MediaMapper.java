package io.igpulse.collector.discovery;

import io.igpulse.events.DiscoverySource;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.graphapi.model.Media;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a media as the Graph API lists it into a {@code MediaDiscovered}. Values the contract does
 * not know (a new media type) become {@code UNKNOWN} rather than an error, since Instagram adds
 * kinds without notice.
 */
public final class MediaMapper {

  static final Duration STORY_LIFE = Duration.ofHours(24);
  private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");
  private static final DateTimeFormatter GRAPH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT);

  private MediaMapper() {}

  /** The discovery of {@code media} by {@code account} through {@code source}. */
  public static Discovery discovery(
      String account, DiscoverySource source, String hashtag, Media media, Instant now) {
    SeenKey key = new SeenKey(account, source, hashtag, media.id());
    MediaProductType product =
        source == DiscoverySource.STORY ? MediaProductType.STORY : productType(media.productType());
    Instant posted = postedAt(media.timestamp(), now);
    MediaDiscovered event =
        MediaDiscovered.newBuilder()
            .setMediaId(media.id())
            .setOwnerId(ownerId(account, source))
            .setOwnerUsername(ownerUsername(source, media))
            .setFollowedAccountId(account)
            .setMediaType(mediaType(media.mediaType()))
            .setMediaProductType(product)
            .setPostedAt(posted)
            .setPermalink(media.permalink())
            .setCaptionHashtags(hashtags(media.caption()))
            .setSource(source)
            .setHashtag(hashtag == null || hashtag.isEmpty() ? null : hashtag)
            .setExpiresAt(product == MediaProductType.STORY ? posted.plus(STORY_LIFE) : null)
            .setDiscoveredAt(now)
            .build();
    return new Discovery(key, event);
  }

  /**
   * The owner's id: the account itself for its own media and stories; null for media of other
   * accounts (tagged, mentioned, hashtag media), whose edges name no owner id. Never guessed.
   */
  static String ownerId(String account, DiscoverySource source) {
    return source == DiscoverySource.OWNED || source == DiscoverySource.STORY ? account : null;
  }

  /**
   * The owner's username as the edge gave it: the tags edge, mentioned media and the account's own
   * listings ask for {@code username}; hashtag edges never give it, and it is never guessed.
   */
  static String ownerUsername(DiscoverySource source, Media media) {
    if (source == DiscoverySource.HASHTAG_TOP || source == DiscoverySource.HASHTAG_RECENT) {
      return null;
    }
    String username = media.username();
    return username == null || username.isBlank() ? null : username;
  }

  public static MediaType mediaType(String value) {
    if (value == null) {
      return MediaType.UNKNOWN;
    }
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "IMAGE" -> MediaType.IMAGE;
      case "VIDEO", "REELS" -> MediaType.VIDEO;
      case "CAROUSEL_ALBUM" -> MediaType.CAROUSEL_ALBUM;
      default -> MediaType.UNKNOWN;
    };
  }

  public static MediaProductType productType(String value) {
    if (value == null) {
      // Hashtag media carry no product type; FEED is what the API means by an ordinary post.
      return MediaProductType.FEED;
    }
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "FEED" -> MediaProductType.FEED;
      case "REELS" -> MediaProductType.REELS;
      case "STORY" -> MediaProductType.STORY;
      case "AD" -> MediaProductType.AD;
      default -> MediaProductType.UNKNOWN;
    };
  }

  /** Graph timestamps look like {@code 2026-01-12T08:00:00+0000}; ISO-8601 is accepted too. */
  public static Instant postedAt(String timestamp, Instant fallback) {
    if (timestamp == null || timestamp.isBlank()) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(timestamp, GRAPH_TIME).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(timestamp).toInstant();
      } catch (DateTimeParseException again) {
        return fallback;
      }
    }
  }

  /** Hashtags of a caption, lower case, without '#', in order of first use. */
  public static List<String> hashtags(String caption) {
    if (caption == null) {
      return List.of();
    }
    Set<String> tags = new LinkedHashSet<>();
    Matcher m = HASHTAG.matcher(caption);
    while (m.find()) {
      tags.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return new ArrayList<>(tags);
  }
}
