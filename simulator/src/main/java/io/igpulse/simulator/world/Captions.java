package io.igpulse.simulator.world;

/** Captions of feed media: a few words and the media's hashtags, deterministic per media. */
public final class Captions {

  private final HashtagCatalog hashtags;

  Captions(HashtagCatalog hashtags) {
    this.hashtags = hashtags;
  }

  /** The caption, or null for stories (which have none). */
  public String of(Media media) {
    if (media.isStory()) {
      return null;
    }
    StringBuilder caption = new StringBuilder();
    int words = 3 + Mix.below(Mix.hash(media.hash(), 80), 6);
    for (int i = 0; i < words; i++) {
      String word =
          Words.CAPTION_WORDS.get(
              Mix.below(Mix.hash(media.hash(), 81, i), Words.CAPTION_WORDS.size()));
      caption.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
      caption.append(' ');
    }
    for (int tag : hashtags.tagsOf(media)) {
      caption.append('#').append(hashtags.name(tag)).append(' ');
    }
    return caption.toString().trim();
  }
}
