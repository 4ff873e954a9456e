package io.igpulse.simulator.world;

/**
 * The five shapes of media the API distinguishes. Metric support is decided per kind, which is
 * finer than {@code media_type} (a VIDEO may be a reel, a legacy feed video or a story).
 */
public enum MediaKind {
  IMAGE("IMAGE", "FEED"),
  CAROUSEL("CAROUSEL_ALBUM", "FEED"),
  FEED_VIDEO("VIDEO", "FEED"),
  REELS("VIDEO", "REELS"),
  STORY_IMAGE("IMAGE", "STORY"),
  STORY_VIDEO("VIDEO", "STORY");

  private final String mediaType;
  private final String productType;

  MediaKind(String mediaType, String productType) {
    this.mediaType = mediaType;
    this.productType = productType;
  }

  public String mediaType() {
    return mediaType;
  }

  public String productType() {
    return productType;
  }

  public boolean isStory() {
    return this == STORY_IMAGE || this == STORY_VIDEO;
  }

  public boolean isVideo() {
    return "VIDEO".equals(mediaType);
  }
}
