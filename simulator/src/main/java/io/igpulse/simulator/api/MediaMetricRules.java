package io.igpulse.simulator.api;

import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which media metric a given media supports on a given version (GRAPH-API.md, "Metric sets" and
 * "Deprecations"). Pure: no I/O, no clock.
 */
public final class MediaMetricRules {

  /** Media created before this still answer {@code impressions} on v21 and older. */
  public static final long IMPRESSIONS_CUTOFF_SEC =
      Instant.parse("2024-07-01T00:00:00Z").getEpochSecond();

  private static final Set<String> FEED_CORE =
      Set.of("reach", "saved", "likes", "comments", "shares", "total_interactions", "reposts");
  private static final Set<String> FEED_PROFILE =
      Set.of("profile_activity", "profile_visits", "follows");
  private static final Set<String> REELS_ONLY =
      Set.of("ig_reels_avg_watch_time", "ig_reels_video_view_total_time", "reels_skip_rate");

  /**
   * Retired with v22 and, since 2025-04-21, on every version: no live version serves them. ({@code
   * impressions} keeps its exception for old media on v21, below.)
   */
  public static final Set<String> RETIRED_IN_V22 =
      Set.of(
          "impressions",
          "plays",
          "clips_replays_count",
          "ig_reels_aggregated_all_plays_count",
          "video_views");

  private static final Set<String> STORY =
      Set.of(
          "reach",
          "shares",
          "total_interactions",
          "reposts",
          "profile_visits",
          "follows",
          "navigation",
          "replies",
          "profile_activity");

  /** Every name {@link #supports} may accept, in a stable order (the "must be one of" list). */
  private static final List<String> ALL =
      List.of(
          "reach",
          "views",
          "impressions",
          "saved",
          "likes",
          "comments",
          "shares",
          "total_interactions",
          "reposts",
          "profile_activity",
          "profile_visits",
          "follows",
          "navigation",
          "replies",
          "ig_reels_avg_watch_time",
          "ig_reels_video_view_total_time",
          "reels_skip_rate",
          "crossposted_views",
          "facebook_views");

  private MediaMetricRules() {}

  /** The metrics this media accepts on this version, in a stable order. */
  public static List<String> allowed(Media media, ApiVersion version) {
    return ALL.stream().filter(m -> supports(m, media, version)).toList();
  }

  public static boolean supports(String metric, Media media, ApiVersion version) {
    MediaKind kind = media.kind();
    // Retired in v18 (the oldest version served), so never supported.
    if (metric.equals("engagement")
        || metric.startsWith("carousel_album_")
        || metric.equals("exits")
        || metric.equals("taps_forward")
        || metric.equals("taps_back")) {
      return false;
    }
    if (metric.equals("impressions")) {
      return kind != MediaKind.REELS
          && version.atMost(ApiVersion.V21)
          && media.createdSec() < IMPRESSIONS_CUTOFF_SEC;
    }
    if (metric.equals("views")) {
      return version.atLeast(ApiVersion.V22) && kind != MediaKind.FEED_VIDEO;
    }
    if (RETIRED_IN_V22.contains(metric)) {
      return false;
    }
    return switch (kind) {
      case IMAGE, CAROUSEL -> FEED_CORE.contains(metric) || FEED_PROFILE.contains(metric);
      case FEED_VIDEO -> FEED_CORE.contains(metric);
      case REELS ->
          FEED_CORE.contains(metric)
              || REELS_ONLY.contains(metric)
              || ((metric.equals("crossposted_views") || metric.equals("facebook_views"))
                  && media.crossPosted());
      case STORY_IMAGE, STORY_VIDEO -> STORY.contains(metric);
    };
  }
}
