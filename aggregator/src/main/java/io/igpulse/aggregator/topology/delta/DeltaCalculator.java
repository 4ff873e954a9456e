package io.igpulse.aggregator.topology.delta;

import io.igpulse.events.MediaInsightSnapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns successive lifetime snapshots of one media into deltas. Pure: the processor around it holds
 * the state.
 *
 * <ul>
 *   <li>A snapshot captured at or before the last one counted is a duplicate or arrived late: it
 *       changes nothing.
 *   <li>A metric that went down gives a negative delta (unlikes, corrections).
 *   <li>A metric missing from either snapshot gives no delta; its last known value is kept for the
 *       next snapshot.
 *   <li>The first snapshot of a media counts from zero only when it was captured within {@code
 *       firstSnapshotCredit} of posting (it then shows what the media gained since posting); a
 *       media first seen later only sets the starting point, or its whole lifetime would land in
 *       one window as a false spike.
 * </ul>
 */
public final class DeltaCalculator {

  public static final String ENGAGEMENT = "engagement";

  /** The normalized metrics trends are made of. */
  public static final List<String> TRACKED =
      List.of(ENGAGEMENT, "reach", "views", "likes", "comments", "saved", "shares");

  static final long FIRST_DAY_MILLIS = Duration.ofHours(24).toMillis();

  private final long firstSnapshotCreditMillis;

  public DeltaCalculator(Duration firstSnapshotCredit) {
    this.firstSnapshotCreditMillis = firstSnapshotCredit.toMillis();
  }

  /** The new state, and the delta to count if there is one. */
  public record Outcome(MediaState state, Optional<MediaDelta> delta) {}

  /** Empty when the snapshot is a duplicate or older than the one already counted. */
  public Optional<Outcome> apply(MediaState previous, MediaInsightSnapshot snapshot) {
    long capturedAt = snapshot.getCapturedAt().toEpochMilli();
    long postedAt = snapshot.getPostedAt().toEpochMilli();
    if (previous != null && capturedAt <= previous.capturedAt()) {
      return Optional.empty();
    }
    Map<String, Long> current = normalized(snapshot);
    Map<String, Long> changes = new LinkedHashMap<>();
    Map<String, Long> known = new HashMap<>();
    if (previous == null) {
      if (capturedAt - postedAt <= firstSnapshotCreditMillis) {
        changes.putAll(current);
      }
    } else {
      known.putAll(previous.metrics());
      current.forEach(
          (metric, value) -> {
            Long before = previous.metrics().get(metric);
            if (before != null) {
              changes.put(metric, value - before);
            }
          });
    }
    known.putAll(current);
    boolean firstDay = capturedAt - postedAt <= FIRST_DAY_MILLIS;
    boolean alreadyCounted = previous != null && previous.countedForPostingHour();
    boolean countNow = firstDay && !alreadyCounted && !changes.isEmpty();
    MediaState next = new MediaState(capturedAt, known, alreadyCounted || countNow);
    if (changes.isEmpty()) {
      return Optional.of(new Outcome(next, Optional.empty()));
    }
    MediaDelta delta =
        new MediaDelta(
            snapshot.getMediaId(),
            snapshot.getOwnerId(),
            snapshot.getHashtags().stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .distinct()
                .toList(),
            postedAt,
            capturedAt,
            changes,
            firstDay,
            countNow);
    return Optional.of(new Outcome(next, Optional.of(delta)));
  }

  /** The tracked metrics a snapshot carries, with engagement from its normalized field. */
  static Map<String, Long> normalized(MediaInsightSnapshot snapshot) {
    Map<String, Long> values = new LinkedHashMap<>();
    if (snapshot.getEngagement() != null) {
      values.put(ENGAGEMENT, snapshot.getEngagement());
    }
    for (String metric : TRACKED) {
      Long value = snapshot.getMetrics().get(metric);
      if (value != null && !metric.equals(ENGAGEMENT)) {
        values.put(metric, value);
      }
    }
    return values;
  }
}
