package io.igpulse.aggregator.topology.delta;

import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.SnapshotKind;
import io.igpulse.schemas.metric.CoreMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns successive snapshots of one media into deltas. Pure: the processor around it holds the
 * state.
 *
 * <ul>
 *   <li>Each kind is its own series: an INSIGHTS snapshot is compared with the last INSIGHTS one, a
 *       PUBLIC_COUNTERS snapshot with the last PUBLIC_COUNTERS one (their numbers differ: insights
 *       count saves and shares). Snapshots of an unknown kind are ignored.
 *   <li>A snapshot captured at or before the last one of its kind is a duplicate or arrived late:
 *       it changes nothing.
 *   <li>A metric that went down gives a negative delta (unlikes, corrections).
 *   <li>A metric missing from either snapshot gives no delta; its last known value is kept.
 *   <li>The first snapshot of a kind counts from zero, as gained since posting, only when it was
 *       captured within {@code firstSnapshotCredit} of posting; a media first seen later only sets
 *       the starting point, or its whole lifetime would land in one window as a false spike. A
 *       metric first known in a later snapshot follows the same rule.
 *   <li>Public engagement is the change of likes plus the change of comments, each when known in
 *       both snapshots: a media hiding its likes in one snapshot and not the other changes its
 *       {@code engagement} field by its whole like count, which is not engagement gained.
 *   <li>Insights are credited to one owner per media, the first named: every delta, and the media's
 *       one count for its posting hour, go to the same account.
 *   <li>A media read both ways counts for its hashtags through its insights only, so it is not
 *       counted twice. Until its first insights, its public counters count for its hashtags (it may
 *       never be read otherwise); when they arrive, a retraction takes back what the public
 *       counters gave, over the span they gave it in, and insights count from then on.
 * </ul>
 */
public final class DeltaCalculator {

  private final long firstSnapshotCreditMillis;

  public DeltaCalculator(Duration firstSnapshotCredit) {
    this.firstSnapshotCreditMillis = firstSnapshotCredit.toMillis();
  }

  /**
   * The new state, and the deltas to count: none, one, or a retraction of the public counters'
   * hashtag credit followed by the first insights delta.
   */
  public record Outcome(DeltaState state, List<MediaDelta> deltas) {
    public Outcome {
      deltas = List.copyOf(deltas);
    }
  }

  /** Empty when the snapshot is a duplicate, older than the one already counted, or of no kind. */
  public Optional<Outcome> apply(DeltaState previous, MediaInsightSnapshot snapshot) {
    SnapshotKind kind = snapshot.getKind();
    if (kind != SnapshotKind.INSIGHTS && kind != SnapshotKind.PUBLIC_COUNTERS) {
      return Optional.empty();
    }
    boolean insights = kind == SnapshotKind.INSIGHTS;
    long capturedAt = snapshot.getCapturedAt().toEpochMilli();
    long postedAt = snapshot.getPostedAt().toEpochMilli();
    DeltaState.Reading before = previous == null ? null : previous.reading(kind);
    if (before != null && capturedAt <= before.capturedAt()) {
      return Optional.empty();
    }
    Map<String, Long> current = normalized(snapshot);
    Map<String, Long> changes = new LinkedHashMap<>();
    Map<String, Long> known = new HashMap<>();
    long from;
    if (before == null) {
      from = postedAt;
      if (capturedAt - postedAt <= firstSnapshotCreditMillis) {
        changes.putAll(current);
      }
    } else {
      from = before.capturedAt();
      known.putAll(before.metrics());
      boolean withinCredit = capturedAt - postedAt <= firstSnapshotCreditMillis;
      current.forEach(
          (metric, value) -> {
            Long was = before.metrics().get(metric);
            if (was != null) {
              changes.put(metric, value - was);
            } else if (withinCredit) {
              // First known now (a story too little viewed at its first read has no numbers), yet
              // within the credit: gained since posting, as a first snapshot's would be.
              changes.put(metric, value);
            }
          });
    }
    known.putAll(current);
    if (!insights) {
      publicEngagement(changes);
    }
    DeltaState.Reading reading = new DeltaState.Reading(capturedAt, known);
    String owner = previous == null ? null : previous.owner();
    if (insights && owner == null) {
      owner = snapshot.getOwnerId();
    }
    boolean alreadyCounted = previous != null && previous.countedForPostingHour();
    boolean countNow =
        insights
            && owner != null
            && from < postedAt + MediaDelta.FIRST_DAY_MILLIS
            && !alreadyCounted
            && !changes.isEmpty();
    HashtagCredit credit = previous == null || insights ? null : previous.hashtagCredit();
    List<MediaDelta> deltas = new ArrayList<>(2);
    if (insights && previous != null && previous.hashtagCredit() != null) {
      deltas.add(previous.hashtagCredit().retraction(snapshot.getMediaId(), postedAt));
    }
    if (!changes.isEmpty()) {
      boolean hashtagsCountedByInsights =
          !insights && (previous != null && previous.insights() != null);
      MediaDelta delta =
          new MediaDelta(
              snapshot.getMediaId(),
              kind,
              insights ? owner : snapshot.getOwnerId(),
              snapshot.getOwnerUsername(),
              hashtagsCountedByInsights ? List.of() : lowerCaseDistinct(snapshot.getHashtags()),
              insights ? List.of() : snapshot.getEarnedBy().stream().distinct().toList(),
              postedAt,
              from,
              capturedAt,
              changes,
              countNow);
      if (!insights && !delta.hashtags().isEmpty()) {
        credit = credit == null ? HashtagCredit.of(delta) : credit.plus(delta);
      }
      deltas.add(delta);
    }
    DeltaState next =
        new DeltaState(
            insights ? reading : previous == null ? null : previous.insights(),
            insights ? previous == null ? null : previous.publicCounters() : reading,
            owner,
            alreadyCounted || countNow,
            credit);
    return Optional.of(new Outcome(next, deltas));
  }

  /** Public engagement gained: the likes and comments gained, each when known in both readings. */
  private static void publicEngagement(Map<String, Long> changes) {
    changes.remove(CoreMetrics.ENGAGEMENT);
    Long likes = changes.get("likes");
    Long comments = changes.get("comments");
    if (likes != null || comments != null) {
      changes.put(
          CoreMetrics.ENGAGEMENT,
          (likes == null ? 0L : likes) + (comments == null ? 0L : comments));
    }
  }

  private static List<String> lowerCaseDistinct(List<String> hashtags) {
    return hashtags.stream().map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  /**
   * The tracked metrics a snapshot carries, with engagement from its normalized field and likes and
   * comments from the media fields when the metrics lack them.
   */
  static Map<String, Long> normalized(MediaInsightSnapshot snapshot) {
    Map<String, Long> values = new LinkedHashMap<>();
    if (snapshot.getEngagement() != null) {
      values.put(CoreMetrics.ENGAGEMENT, snapshot.getEngagement());
    }
    for (String metric : CoreMetrics.TRACKED) {
      Long value = snapshot.getMetrics().get(metric);
      if (value != null && !metric.equals(CoreMetrics.ENGAGEMENT)) {
        values.put(metric, value);
      }
    }
    if (snapshot.getKind() == SnapshotKind.PUBLIC_COUNTERS) {
      if (!values.containsKey("likes") && snapshot.getLikeCount() != null) {
        values.put("likes", snapshot.getLikeCount());
      }
      if (!values.containsKey("comments") && snapshot.getCommentsCount() != null) {
        values.put("comments", snapshot.getCommentsCount());
      }
    }
    return values;
  }
}
