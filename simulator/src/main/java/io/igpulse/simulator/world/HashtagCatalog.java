package io.igpulse.simulator.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The world's hashtags, most popular first, and which of them each media carries. Popularity is
 * Zipf-like: the first tags are on many media, the tail on few.
 */
public final class HashtagCatalog {

  private final long seed;
  private final List<String> names;
  private final Map<String, Integer> byName;

  HashtagCatalog(WorldSpec spec) {
    this.seed = spec.seed();
    this.names = new ArrayList<>(spec.hashtags());
    this.byName = new HashMap<>();
    List<String> topics = Words.TOPICS;
    for (int i = 0; i < spec.hashtags(); i++) {
      String name;
      if (i < topics.size()) {
        name = topics.get(i);
      } else {
        int round = i / topics.size();
        name = topics.get(i % topics.size()) + topics.get((i * 7 + round) % topics.size()) + round;
      }
      names.add(name);
      byName.put(name, i);
    }
  }

  public int size() {
    return names.size();
  }

  public String name(int index) {
    return names.get(index);
  }

  public long id(int index) {
    return Ids.hashtag(index);
  }

  /** The tag's index for a search query (case-insensitive, leading '#' ignored), or -1. */
  public int find(String query) {
    if (query == null) {
      return -1;
    }
    String q = query.trim().toLowerCase(Locale.ROOT);
    if (q.startsWith("#")) {
      q = q.substring(1);
    }
    Integer index = byName.get(q);
    return index == null ? -1 : index;
  }

  /** Hashtags of a feed media: zero to three distinct indexes; stories carry none. */
  public int[] tagsOf(Media media) {
    if (media.isStory()) {
      return new int[0];
    }
    int count = Mix.below(Mix.hash(seed, media.id(), 30), 4);
    int[] tags = new int[count];
    int n = 0;
    for (int k = 0; n < count && k < 8; k++) {
      double u = Mix.unit(Mix.hash(seed, media.id(), 31, k));
      int tag = (int) (names.size() * u * u * u);
      if (!contains(tags, n, tag)) {
        tags[n++] = tag;
      }
    }
    return n == count ? tags : Arrays.copyOf(tags, n);
  }

  private static boolean contains(int[] values, int length, int value) {
    for (int i = 0; i < length; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }
}
