package io.igpulse.aggregator.topology.delta;

import io.igpulse.events.SnapshotKind;
import io.igpulse.schemas.metric.CoreMetrics;
import java.util.List;
import java.util.Map;

/**
 * The change of a media's metrics between two successive snapshots of the same kind, gained over
 * the interval {@code (from, capturedAt]}. Metrics absent from either snapshot are absent here:
 * they changed by an unknown amount, not by minus their value.
 *
 * @param kind INSIGHTS (counts for its owner, hashtags, posting hours) or PUBLIC_COUNTERS (hashtags
 *     and the earned media of {@code earnedBy})
 * @param ownerId the owner its insights are credited to; null when unknown
 * @param ownerUsername the owner's username when the snapshot named it (distinct accounts of a
 *     hashtag for media whose owner id is unknown)
 * @param hashtags the hashtags this delta counts for (none when another kind of the same media
 *     already counts for them)
 * @param earnedBy followed accounts whose earned media this is (PUBLIC_COUNTERS only)
 * @param from the capture time of the previous snapshot, or the posting time when the first
 *     snapshot counts from zero: the change happened somewhere between then and {@code capturedAt}
 * @param firstCountForPostingHour whether this is the first delta of the media that counts for its
 *     posting hour (counts it once as a media there)
 */
public record MediaDelta(
    String mediaId,
    SnapshotKind kind,
    String ownerId,
    String ownerUsername,
    List<String> hashtags,
    List<String> earnedBy,
    long postedAt,
    long from,
    long capturedAt,
    Map<String, Long> changes,
    boolean firstCountForPostingHour) {

  /** Engagement is counted for its posting hour while the media is this young. */
  public static final long FIRST_DAY_MILLIS = 24 * 3_600_000L;

  public MediaDelta {
    // Values written before kinds and intervals existed (JSON) carry neither: an insight delta at
    // its capture time.
    kind = kind == null ? SnapshotKind.INSIGHTS : kind;
    hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    earnedBy = earnedBy == null ? List.of() : List.copyOf(earnedBy);
    from = from <= 0 ? capturedAt : Math.min(from, capturedAt);
    changes = Map.copyOf(changes);
  }

  /** The same delta with other changes: one part of it, spread into a bucket. */
  public MediaDelta withChanges(Map<String, Long> part) {
    return new MediaDelta(
        mediaId,
        kind,
        ownerId,
        ownerUsername,
        hashtags,
        earnedBy,
        postedAt,
        from,
        capturedAt,
        part,
        firstCountForPostingHour);
  }

  public boolean insights() {
    return kind == SnapshotKind.INSIGHTS;
  }

  /** Whether some of the interval lies in the media's first 24 h. */
  public boolean touchesFirstDay() {
    return from < postedAt + FIRST_DAY_MILLIS;
  }

  /**
   * Who the media counts as among a hashtag's distinct accounts: its owner id, else {@code
   * @username}; null when neither is known (such media add no account).
   */
  public String hashtagAccount() {
    if (ownerId != null) {
      return ownerId;
    }
    return ownerUsername == null ? null : "@" + ownerUsername;
  }

  public long engagement() {
    return changes.getOrDefault(CoreMetrics.ENGAGEMENT, 0L);
  }

  public long reach() {
    return changes.getOrDefault("reach", 0L);
  }

  public long views() {
    return changes.getOrDefault("views", 0L);
  }

  public long likes() {
    return changes.getOrDefault("likes", 0L);
  }

  public long comments() {
    return changes.getOrDefault("comments", 0L);
  }

  public long follows() {
    return changes.getOrDefault(CoreMetrics.FOLLOWS, 0L);
  }
}
