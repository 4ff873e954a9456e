package io.igpulse.aggregator.topology.window;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import java.util.List;

/**
 * What a hashtag gained in one bucket or window, with the distinct media and accounts that
 * contributed. The sets stay packed (see {@link PackedStrings}): a bucket is decoded, extended and
 * encoded again for every delta it takes.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class HashtagWindow {

  private long engagement;
  private PackedStrings media = PackedStrings.empty();
  private PackedStrings accounts = PackedStrings.empty();
  private long updatedAt;

  public static HashtagWindow empty() {
    return new HashtagWindow();
  }

  /** A window as stored (the serde's way back). */
  public static HashtagWindow restore(
      long engagement, PackedStrings media, PackedStrings accounts, long updatedAt) {
    HashtagWindow window = new HashtagWindow();
    window.engagement = engagement;
    window.media = media;
    window.accounts = accounts;
    window.updatedAt = updatedAt;
    return window;
  }

  /** The union of several buckets, as a new value. */
  public static HashtagWindow combine(List<HashtagWindow> parts) {
    HashtagWindow sum = new HashtagWindow();
    for (HashtagWindow part : parts) {
      sum.engagement += part.engagement;
      sum.updatedAt = Math.max(sum.updatedAt, part.updatedAt);
    }
    sum.media = PackedStrings.union(parts.stream().map(p -> p.media).toList());
    sum.accounts = PackedStrings.union(parts.stream().map(p -> p.accounts).toList());
    return sum;
  }

  public HashtagWindow add(MediaDelta delta) {
    engagement += delta.engagement();
    media.add(delta.mediaId());
    String account = delta.hashtagAccount();
    if (account != null) {
      accounts.add(account);
    }
    updatedAt = Math.max(updatedAt, delta.capturedAt());
    return this;
  }

  public long engagement() {
    return engagement;
  }

  public PackedStrings media() {
    return media;
  }

  public PackedStrings accounts() {
    return accounts;
  }

  public long updatedAt() {
    return updatedAt;
  }
}
