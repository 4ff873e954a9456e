package io.igpulse.graphapi.model;

import java.util.Locale;

/**
 * The media product type × media type combinations that have different metric sets. The API decides
 * what it accepts by this pair, so the catalog and its self-healing memory are keyed by it.
 */
public enum MediaKind {
  REELS,
  FEED_IMAGE,
  FEED_CAROUSEL,
  FEED_VIDEO,
  STORY,
  /** Ads and anything a newer API version adds: asked for the smallest common set only. */
  OTHER;

  /** From the {@code media_product_type} and {@code media_type} fields (either may be null). */
  public static MediaKind of(String productType, String mediaType) {
    String product = productType == null ? "FEED" : productType.toUpperCase(Locale.ROOT);
    String type = mediaType == null ? "" : mediaType.toUpperCase(Locale.ROOT);
    return switch (product) {
      case "REELS" -> REELS;
      case "STORY" -> STORY;
      case "FEED" ->
          switch (type) {
            case "IMAGE" -> FEED_IMAGE;
            case "CAROUSEL_ALBUM" -> FEED_CAROUSEL;
            case "VIDEO" -> FEED_VIDEO;
            default -> OTHER;
          };
      default -> OTHER;
    };
  }
}
