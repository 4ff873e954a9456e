package io.igpulse.aggregator.topology.window;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a hashtag gained in one bucket or window, with the distinct media and accounts that
 * contributed.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class HashtagWindow {

  private long engagement;
  private Set<String> media = new HashSet<>();
  private Set<String> accounts = new HashSet<>();
  private long updatedAt;

  public static HashtagWindow empty() {
    return new HashtagWindow();
  }

  /** The union of several buckets, as a new value. */
  public static HashtagWindow combine(List<HashtagWindow> parts) {
    HashtagWindow sum = new HashtagWindow();
    for (HashtagWindow part : parts) {
      sum.engagement += part.engagement;
      sum.media.addAll(part.media);
      sum.accounts.addAll(part.accounts);
      sum.updatedAt = Math.max(sum.updatedAt, part.updatedAt);
    }
    return sum;
  }

  public HashtagWindow add(MediaDelta delta) {
    engagement += delta.engagement();
    media.add(delta.mediaId());
    if (delta.ownerId() != null) {
      accounts.add(delta.ownerId());
    }
    updatedAt = Math.max(updatedAt, delta.capturedAt());
    return this;
  }

  public long engagement() {
    return engagement;
  }

  public Set<String> media() {
    return media;
  }

  public Set<String> accounts() {
    return accounts;
  }

  public long updatedAt() {
    return updatedAt;
  }
}
