package io.igpulse.local;

import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.SnapshotKind;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The baseline the end-to-end test prints beside igpulse's account windows: the same snapshots
 * counted the naive way, as a collector-to-dashboard pipeline without owners or spreading would. A
 * media whose owner the API does not name is credited to the followed account that found it, and
 * each gain between two snapshots lands in the hour of the later one.
 */
final class FinderAttribution {

  private static final Duration FIRST_SNAPSHOT_CREDIT = Duration.ofHours(1);

  private FinderAttribution() {}

  /** Engagement per {@code account@hourStart}. */
  static Map<String, Long> hourly(
      List<MediaInsightSnapshot> snapshots, List<MediaDiscovered> discoveries) {
    Map<String, MediaDiscovered> firstFinder = new HashMap<>();
    for (MediaDiscovered d : discoveries) {
      firstFinder.merge(
          d.getMediaId(), d, (a, b) -> a.getDiscoveredAt().isAfter(b.getDiscoveredAt()) ? b : a);
    }
    Set<String> withInsights =
        snapshots.stream()
            .filter(s -> s.getKind() == SnapshotKind.INSIGHTS)
            .map(MediaInsightSnapshot::getMediaId)
            .collect(Collectors.toSet());
    Map<String, TreeMap<Instant, MediaInsightSnapshot>> byMedia = new HashMap<>();
    for (MediaInsightSnapshot s : snapshots) {
      boolean counted =
          s.getKind() == SnapshotKind.INSIGHTS || !withInsights.contains(s.getMediaId());
      if (counted && s.getEngagement() != null) {
        byMedia.computeIfAbsent(s.getMediaId(), k -> new TreeMap<>()).put(s.getCapturedAt(), s);
      }
    }
    Map<String, Long> out = new HashMap<>();
    for (TreeMap<Instant, MediaInsightSnapshot> series : byMedia.values()) {
      MediaInsightSnapshot first = series.firstEntry().getValue();
      String account = creditedAccount(first, firstFinder.get(first.getMediaId()));
      if (account == null) {
        continue;
      }
      long previous =
          first.getCapturedAt().isAfter(first.getPostedAt().plus(FIRST_SNAPSHOT_CREDIT))
              ? first.getEngagement()
              : 0;
      for (MediaInsightSnapshot s : series.values()) {
        Instant hour = s.getCapturedAt().truncatedTo(ChronoUnit.HOURS);
        out.merge(account + "@" + hour, s.getEngagement() - previous, Long::sum);
        previous = s.getEngagement();
      }
    }
    return out;
  }

  private static String creditedAccount(MediaInsightSnapshot first, MediaDiscovered finder) {
    if (first.getKind() == SnapshotKind.INSIGHTS && first.getOwnerId() != null) {
      return first.getOwnerId();
    }
    return finder == null ? null : finder.getFollowedAccountId();
  }
}
