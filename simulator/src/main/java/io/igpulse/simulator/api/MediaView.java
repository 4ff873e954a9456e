package io.igpulse.simulator.api;

/**
 * Who is reading a media, which decides what it shows. The owner sees everything; another account
 * sees only the public fields of the edge that listed the media, never its insights, and no {@code
 * like_count} when the owner hides like counts.
 */
public enum MediaView {
  /** Direct reads and the owner's own listings. */
  OWNER,
  /**
   * {@code /{ig-user-id}/tags} and {@code mentioned_media}: public fields with {@code username}.
   */
  TAGGED,
  /** Hashtag {@code top_media} / {@code recent_media}: public fields, no {@code username}. */
  HASHTAG;

  boolean owner() {
    return this == OWNER;
  }
}
