package io.igpulse.enricher.snapshot;

import io.igpulse.enricher.schedule.PublicEntry;
import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.events.SnapshotKind;
import io.igpulse.events.UnavailableMetric;
import io.igpulse.events.UnavailableReason;
import io.igpulse.graphapi.metrics.MetricCatalog;
import io.igpulse.schemas.metric.CoreMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns what one read returned into a {@link MediaInsightSnapshot} of either kind: the insights of
 * a media a followed account owns ({@code INSIGHTS}: metric names normalized to their current
 * successors, normalized engagement) or the public counters of one it does not ({@code
 * PUBLIC_COUNTERS}); for every metric that has no value, the reason why, so that a consumer never
 * mistakes a missing value for 0.
 */
public final class SnapshotBuilder {

  private final MetricCatalog catalog;

  public SnapshotBuilder(MetricCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * @param read the values the API answered (raw names); empty when {@code missing} applies to all
   * @param asked the metrics the request carried (the catalog set minus what was refused)
   * @param offered the catalog set of the media's kind and version, before any refusal
   * @param missing the reason for asked metrics without a value (NO_DATA_YET for a plain answer)
   * @param missingDetail the API's (redacted) message behind {@code missing}, or null
   */
  public MediaInsightSnapshot build(
      ScheduleEntry media,
      Map<String, Long> read,
      List<String> asked,
      List<String> offered,
      UnavailableReason missing,
      String missingDetail,
      Instant capturedAt,
      String apiVersion) {
    Map<String, Long> metrics = new LinkedHashMap<>();
    read.forEach((name, value) -> metrics.merge(catalog.successor(name), value, Math::max));
    Set<String> reported = new LinkedHashSet<>(metrics.keySet());
    List<UnavailableMetric> unavailable = new ArrayList<>();
    for (String name : asked) {
      String current = catalog.successor(name);
      if (!read.containsKey(name) && reported.add(current)) {
        unavailable.add(new UnavailableMetric(current, missing, missingDetail));
      }
    }
    for (String name : offered) {
      String current = catalog.successor(name);
      if (!asked.contains(name) && reported.add(current)) {
        unavailable.add(
            new UnavailableMetric(
                current, UnavailableReason.RETIRED, name + " refused by the API on " + apiVersion));
      }
    }
    for (String name : CoreMetrics.REPORTED) {
      if (reported.add(name)) {
        unavailable.add(
            new UnavailableMetric(
                name,
                UnavailableReason.UNSUPPORTED_FOR_TYPE,
                "not offered for "
                    + media.productType()
                    + "/"
                    + media.mediaType()
                    + " on "
                    + apiVersion));
      }
    }
    OptionalLong engagement = CoreMetrics.engagement(metrics);
    return MediaInsightSnapshot.newBuilder()
        .setMediaId(media.mediaId())
        .setKind(SnapshotKind.INSIGHTS)
        // Only the owner's token reads insights, so the account whose schedule holds the media is
        // its owner (the schedule takes only the account's own media and stories).
        .setOwnerId(media.account())
        .setOwnerUsername(null)
        .setEarnedBy(List.of())
        .setMediaType(enumOr(MediaType.class, media.mediaType(), MediaType.UNKNOWN))
        .setMediaProductType(
            enumOr(MediaProductType.class, media.productType(), MediaProductType.UNKNOWN))
        .setPostedAt(Instant.ofEpochMilli(media.postedAt()))
        .setCapturedAt(capturedAt)
        .setApiVersion(apiVersion)
        .setHashtags(media.hashtags())
        .setMetrics(Map.copyOf(metrics))
        .setEngagement(engagement.isPresent() ? engagement.getAsLong() : null)
        // The likes and comments insights are the like_count and comments_count of the same
        // moment; reading them from the same answer saves a second field request per media.
        .setLikeCount(metrics.get("likes"))
        .setCommentsCount(metrics.get("comments"))
        .setUnavailable(unavailable)
        .build();
  }

  /**
   * A snapshot of a media igpulse does not own: the {@code like_count} and {@code comments_count}
   * an edge listed it with. {@code likes} is absent (listed as {@code PERMISSION_DENIED}) when the
   * owner hides it, never 0; engagement is likes + comments, comments alone when likes are hidden.
   * The owner's insights are not readable, so the other core metrics are listed as such.
   *
   * @param likeCount null when the edge omitted it (hidden by the owner)
   * @param commentsCount null when the edge omitted it
   */
  public MediaInsightSnapshot publicCounters(
      PublicEntry media,
      Long likeCount,
      Long commentsCount,
      Instant capturedAt,
      String apiVersion) {
    Map<String, Long> metrics = new LinkedHashMap<>();
    List<UnavailableMetric> unavailable = new ArrayList<>();
    if (likeCount != null) {
      metrics.put("likes", likeCount);
    } else {
      unavailable.add(
          new UnavailableMetric(
              "likes", UnavailableReason.PERMISSION_DENIED, "like_count hidden by the owner"));
    }
    if (commentsCount != null) {
      metrics.put("comments", commentsCount);
    } else {
      unavailable.add(
          new UnavailableMetric(
              "comments", UnavailableReason.PERMISSION_DENIED, "comments_count not listed"));
    }
    for (String name : CoreMetrics.REPORTED) {
      if (!name.equals("likes") && !name.equals("comments")) {
        unavailable.add(
            new UnavailableMetric(
                name,
                UnavailableReason.PERMISSION_DENIED,
                "insights are readable only with the owner's token"));
      }
    }
    Long engagement =
        likeCount == null && commentsCount == null
            ? null
            : (likeCount == null ? 0 : likeCount) + (commentsCount == null ? 0 : commentsCount);
    return MediaInsightSnapshot.newBuilder()
        .setMediaId(media.mediaId())
        .setKind(SnapshotKind.PUBLIC_COUNTERS)
        .setOwnerId(null)
        .setOwnerUsername(media.ownerUsername())
        .setEarnedBy(media.earnedBy().stream().sorted().toList())
        .setMediaType(enumOr(MediaType.class, media.mediaType(), MediaType.UNKNOWN))
        .setMediaProductType(
            enumOr(MediaProductType.class, media.productType(), MediaProductType.UNKNOWN))
        .setPostedAt(Instant.ofEpochMilli(media.postedAt()))
        .setCapturedAt(capturedAt)
        .setApiVersion(apiVersion)
        .setHashtags(media.hashtags())
        .setMetrics(Map.copyOf(metrics))
        .setEngagement(engagement)
        .setLikeCount(likeCount)
        .setCommentsCount(commentsCount)
        .setUnavailable(unavailable)
        .build();
  }

  private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
    if (name == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException unknown) {
      return fallback;
    }
  }
}
