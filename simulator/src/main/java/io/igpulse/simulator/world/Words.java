package io.igpulse.simulator.world;

import java.util.List;

/** Word stock for usernames, captions and hashtags. */
final class Words {

  static final List<String> TOPICS =
      List.of(
          "sunset", "travel", "foodie", "coffee", "fitness", "fashion", "nature", "art",
          "music", "design", "photography", "summer", "beach", "mountains", "yoga", "vegan",
          "streetstyle", "interior", "skincare", "makeup", "gaming", "tech", "books", "dogs",
          "cats", "wedding", "running", "cycling", "surf", "hiking", "baking", "recipes",
          "citylife", "architecture", "vintage", "minimal", "motivation", "startup", "garden",
          "plants", "football", "basketball", "tennis", "skate", "snow", "roadtrip", "vanlife",
          "sustainability", "diy", "crafts", "tattoo", "nails", "hair", "sneakers", "watches",
          "cars", "moto", "family", "kids", "love");

  static final List<String> NAME_PARTS =
      List.of(
          "studio", "daily", "lab", "house", "club", "co", "journal", "official", "world",
          "hq", "collective", "shop", "eats", "wanders", "moves", "frames");

  static final List<String> CAPTION_WORDS =
      List.of(
          "new", "today", "finally", "weekend", "morning", "vibes", "with", "the", "team",
          "launch", "behind", "scenes", "favourite", "spot", "this", "week", "little", "big",
          "moment", "thank", "you", "all", "for", "sharing", "story", "our", "first", "last");

  private Words() {}
}
