package io.igpulse.aggregator;

import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.events.SnapshotKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the snapshots tests feed; {@code "engagement"} in the metrics map becomes the normalized
 * field.
 */
public final class Snapshots {

  private Snapshots() {}

  public static MediaInsightSnapshot media(
      String mediaId,
      String owner,
      List<String> hashtags,
      Instant postedAt,
      Instant capturedAt,
      Map<String, Long> metrics) {
    Map<String, Long> values = new HashMap<>(metrics);
    Long engagement = values.remove("engagement");
    return MediaInsightSnapshot.newBuilder()
        .setMediaId(mediaId)
        .setOwnerId(owner)
        .setMediaType(MediaType.IMAGE)
        .setMediaProductType(MediaProductType.FEED)
        .setPostedAt(postedAt)
        .setCapturedAt(capturedAt)
        .setApiVersion("v24.0")
        .setHashtags(hashtags)
        .setMetrics(values)
        .setEngagement(engagement)
        .build();
  }

  /**
   * A PUBLIC_COUNTERS snapshot (a media igpulse does not own): no owner id, likes (null when
   * hidden) and comments, engagement their sum.
   */
  public static MediaInsightSnapshot publicMedia(
      String mediaId,
      String ownerUsername,
      List<String> hashtags,
      List<String> earnedBy,
      Instant postedAt,
      Instant capturedAt,
      Long likes,
      long comments) {
    Map<String, Long> values = new HashMap<>();
    if (likes != null) {
      values.put("likes", likes);
    }
    values.put("comments", comments);
    return MediaInsightSnapshot.newBuilder()
        .setMediaId(mediaId)
        .setKind(SnapshotKind.PUBLIC_COUNTERS)
        .setOwnerId(null)
        .setOwnerUsername(ownerUsername)
        .setMediaType(MediaType.IMAGE)
        .setMediaProductType(MediaProductType.FEED)
        .setPostedAt(postedAt)
        .setCapturedAt(capturedAt)
        .setApiVersion("v24.0")
        .setHashtags(hashtags)
        .setMetrics(values)
        .setEngagement((likes == null ? 0 : likes) + comments)
        .setLikeCount(likes)
        .setCommentsCount(comments)
        .setEarnedBy(earnedBy)
        .build();
  }

  public static AccountInsightSnapshot account(
      String account, LocalDate day, Instant capturedAt, Long followers, Long newFollowers) {
    return AccountInsightSnapshot.newBuilder()
        .setIgUserId(account)
        .setDay(day)
        .setCapturedAt(capturedAt)
        .setApiVersion("v24.0")
        .setFollowersCount(followers)
        .setNewFollowers(newFollowers)
        .build();
  }
}
