package io.igpulse.graphapi.metrics;

import io.igpulse.graphapi.model.MediaKind;
import io.igpulse.graphapi.version.ApiVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which media metrics to ask for, by kind and API version, written from the deprecation history in
 * GRAPH-API.md. One unsupported name fails a whole insights request, so the lists are kept to what
 * each kind accepts, and names from older articles map to their successors.
 *
 * <p>The version given is the one the API serves (see {@link ApiVersion#servedOn}): v21 at the
 * oldest at the end of 2026. Metrics retired on every version since 2025 ({@code plays}, {@code
 * video_views}, {@code clips_replays_count}, {@code ig_reels_aggregated_all_plays_count}) are never
 * asked for; {@code impressions} only for media created before {@link #IMPRESSIONS_CUTOFF} on v21.
 *
 * <p>Knowledge here is static; what the live API rejects at run time is remembered in {@link
 * RetiredMetrics}, which the client consults on top of this catalog.
 */
public final class MetricCatalog {

  /** Kinds that the {@code /media} listing returns (it never lists stories). */
  public static final Set<MediaKind> LISTED_KINDS =
      EnumSet.of(
          MediaKind.REELS, MediaKind.FEED_IMAGE, MediaKind.FEED_CAROUSEL, MediaKind.FEED_VIDEO);

  /**
   * Media created before this still answer {@code impressions} on v21 (GRAPH-API.md says "before
   * 2024-07-01"; the earlier of the dates in circulation, so the client never asks in vain).
   */
  public static final Instant IMPRESSIONS_CUTOFF = Instant.parse("2024-07-01T00:00:00Z");

  /** Cross-posted reels only: asked for apart, since any other reel refuses them. */
  public static final List<String> CROSSPOSTED = List.of("crossposted_views", "facebook_views");

  private static final Map<String, String> SUCCESSORS =
      Map.ofEntries(
          Map.entry("engagement", "total_interactions"),
          Map.entry("impressions", "views"),
          Map.entry("video_views", "views"),
          Map.entry("plays", "views"),
          Map.entry("clips_replays_count", "views"),
          Map.entry("ig_reels_aggregated_all_plays_count", "views"),
          Map.entry("carousel_album_engagement", "total_interactions"),
          Map.entry("carousel_album_impressions", "views"),
          Map.entry("carousel_album_reach", "reach"),
          Map.entry("carousel_album_saved", "saved"),
          Map.entry("carousel_album_video_views", "views"),
          Map.entry("exits", "navigation"),
          Map.entry("taps_forward", "navigation"),
          Map.entry("taps_back", "navigation"));

  private static final List<String> INTERACTIONS =
      List.of("likes", "comments", "shares", "total_interactions", "reposts");

  /** The metrics to request for a kind on a version, whatever the media's age. */
  public List<String> metricsFor(MediaKind kind, ApiVersion version) {
    return metricsFor(kind, version, null);
  }

  /**
   * The metrics to request for a kind on a version, for a media created at {@code createdAt} (null
   * when unknown: then {@code impressions} is never asked for).
   */
  public List<String> metricsFor(MediaKind kind, ApiVersion version, Instant createdAt) {
    Set<String> m = new LinkedHashSet<>();
    boolean v22 = version.atLeast(22);
    boolean oldImpressions = !v22 && createdAt != null && createdAt.isBefore(IMPRESSIONS_CUTOFF);
    m.add("reach");
    switch (kind) {
      case REELS -> {
        m.add("saved");
        if (v22) {
          m.add("views");
        }
        m.addAll(INTERACTIONS);
        m.addAll(
            List.of(
                "ig_reels_avg_watch_time", "ig_reels_video_view_total_time", "reels_skip_rate"));
      }
      case FEED_IMAGE, FEED_CAROUSEL -> {
        m.add("saved");
        if (v22) {
          m.add("views");
        } else if (oldImpressions) {
          m.add("impressions");
        }
        m.addAll(INTERACTIONS);
        m.addAll(List.of("profile_activity", "profile_visits", "follows"));
      }
      case FEED_VIDEO -> {
        m.add("saved");
        if (oldImpressions) {
          m.add("impressions");
        }
        m.addAll(INTERACTIONS);
      }
      case STORY -> {
        if (v22) {
          m.add("views");
        }
        m.addAll(List.of("shares", "total_interactions", "reposts", "profile_visits", "follows"));
        m.addAll(List.of("profile_activity", "navigation", "replies"));
      }
      case OTHER -> {
        m.add("saved");
        m.addAll(List.of("likes", "comments", "shares"));
      }
    }
    return List.copyOf(m);
  }

  /**
   * The metrics every listed kind accepts on this version: the set a {@code /media} field expansion
   * can nest, since one unsupported metric would fail the whole page.
   */
  public List<String> listingMetrics(ApiVersion version) {
    List<String> common = null;
    for (MediaKind kind : LISTED_KINDS) {
      List<String> m = metricsFor(kind, version);
      if (common == null) {
        common = new ArrayList<>(m);
      } else {
        common.retainAll(m);
      }
    }
    return List.copyOf(common);
  }

  /**
   * The current name for a possibly retired one ({@code impressions → views}); itself if current.
   */
  public String successor(String metric) {
    return SUCCESSORS.getOrDefault(metric, metric);
  }

  public boolean isRetiredName(String metric) {
    return SUCCESSORS.containsKey(metric);
  }

  /**
   * Maps a caller's wish list (perhaps from an old article) onto current names for this kind and
   * version, dropping what the kind does not offer and repeats.
   */
  public List<String> resolve(List<String> wanted, MediaKind kind, ApiVersion version) {
    Set<String> offered = Set.copyOf(metricsFor(kind, version));
    Set<String> out = new LinkedHashSet<>();
    for (String name : wanted) {
      String current = offered.contains(name) ? name : successor(name);
      if (offered.contains(current)) {
        out.add(current);
      }
    }
    return List.copyOf(out);
  }
}
