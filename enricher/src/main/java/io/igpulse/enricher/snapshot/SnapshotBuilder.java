package io.igpulse.enricher.snapshot;

import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.events.UnavailableMetric;
import io.igpulse.events.UnavailableReason;
import io.igpulse.graphapi.metrics.Engagement;
import io.igpulse.graphapi.metrics.MetricCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns what one read returned into a {@link MediaInsightSnapshot}: metric names normalized to
 * their current successors, normalized engagement, and for every metric that has no value the
 * reason why, so that a consumer never mistakes a missing value for 0.
 */
public final class SnapshotBuilder {

  /**
   * The metrics every consumer looks for; one a media kind does not offer is listed as unsupported
   * for its type.
   */
  public static final List<String> CORE =
      List.of("reach", "views", "likes", "comments", "saved", "shares", "total_interactions");

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
    for (String name : CORE) {
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
    OptionalLong engagement = Engagement.normalized(metrics);
    return MediaInsightSnapshot.newBuilder()
        .setMediaId(media.mediaId())
        .setOwnerId(media.ownerId() != null ? media.ownerId() : media.account())
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
