package io.igpulse.aggregator.topology.window;

import io.igpulse.aggregator.topology.delta.MediaDelta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each media gained under one hashtag in one bucket, with who owns it: the top media of a
 * hashtag window are the media with the most engagement summed over the window's buckets. Kept
 * apart from {@link HashtagWindow}, whose packed sets the ranking reads on every delta and which
 * must stay small.
 */
public final class HashtagMediaBucket {

  /** One media's part: its owner (id, {@code @username}, or null when unknown) and gain. */
  public record Entry(String mediaId, String owner, long engagement) {}

  private final Map<String, Entry> media;

  private HashtagMediaBucket(Map<String, Entry> media) {
    this.media = media;
  }

  public static HashtagMediaBucket empty() {
    return new HashtagMediaBucket(new LinkedHashMap<>());
  }

  /** A bucket as stored (the serde's way back). */
  public static HashtagMediaBucket restore(List<Entry> entries) {
    HashtagMediaBucket bucket = empty();
    entries.forEach(e -> bucket.media.put(e.mediaId(), e));
    return bucket;
  }

  public HashtagMediaBucket add(MediaDelta delta) {
    if (delta.engagement() == 0) {
      return this;
    }
    Entry previous = media.get(delta.mediaId());
    String owner = delta.hashtagAccount();
    if (previous != null) {
      owner = owner == null ? previous.owner() : owner;
      media.put(
          delta.mediaId(),
          new Entry(delta.mediaId(), owner, previous.engagement() + delta.engagement()));
    } else {
      media.put(delta.mediaId(), new Entry(delta.mediaId(), owner, delta.engagement()));
    }
    return this;
  }

  public List<Entry> entries() {
    return List.copyOf(media.values());
  }

  /**
   * The {@code limit} media that gained the most over {@code buckets} (one window's), most first;
   * ties by media id so every instance answers alike.
   */
  public static List<Entry> top(List<HashtagMediaBucket> buckets, int limit) {
    Map<String, Entry> sum = new LinkedHashMap<>();
    for (HashtagMediaBucket bucket : buckets) {
      for (Entry e : bucket.media.values()) {
        sum.merge(
            e.mediaId(),
            e,
            (a, b) ->
                new Entry(
                    a.mediaId(),
                    b.owner() != null ? b.owner() : a.owner(),
                    a.engagement() + b.engagement()));
      }
    }
    List<Entry> sorted = new ArrayList<>(sum.values());
    sorted.sort(
        Comparator.comparingLong(Entry::engagement).reversed().thenComparing(Entry::mediaId));
    return sorted.subList(0, Math.min(limit, sorted.size()));
  }
}
