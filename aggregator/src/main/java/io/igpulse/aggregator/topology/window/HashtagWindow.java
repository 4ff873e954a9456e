package io.igpulse.aggregator.topology.window;

import io.igpulse.aggregator.topology.delta.MediaDelta;
import java.util.HashSet;
import java.util.Set;

/** What a hashtag gained in one window, with the distinct media and accounts that contributed. */
public record HashtagWindow(
    long engagement, Set<String> media, Set<String> accounts, long updatedAt) {

  public HashtagWindow {
    media = new HashSet<>(media);
    accounts = new HashSet<>(accounts);
  }

  public static HashtagWindow empty() {
    return new HashtagWindow(0, Set.of(), Set.of(), 0);
  }

  public HashtagWindow add(MediaDelta delta) {
    media.add(delta.mediaId());
    if (delta.ownerId() != null) {
      accounts.add(delta.ownerId());
    }
    return new HashtagWindow(
        engagement + delta.engagement(), media, accounts, Math.max(updatedAt, delta.capturedAt()));
  }
}
