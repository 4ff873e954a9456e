package io.igpulse.aggregator.topology.delta;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.igpulse.events.SnapshotKind;
import java.util.Map;

/**
 * What the aggregator remembers of one media between snapshots: the last reading of each kind
 * (insights and public counters are different numbers and never compared with each other), the
 * owner its insights are credited to, and whether it was already counted for its posting hour.
 *
 * @param insights the last INSIGHTS reading, or null if none yet
 * @param publicCounters the last PUBLIC_COUNTERS reading, or null if none yet
 * @param owner the owner of the first INSIGHTS snapshot that named one: a media's deltas all go to
 *     one account, even if a later snapshot names another
 * @param hashtagCredit what public counters gave the media's hashtags before any insights, to be
 *     taken back when insights arrive; null once they have, or when nothing was given
 */
public record DeltaState(
    Reading insights,
    Reading publicCounters,
    String owner,
    boolean countedForPostingHour,
    HashtagCredit hashtagCredit) {

  /** A state with nothing credited to hashtags by public counters. */
  public DeltaState(
      Reading insights, Reading publicCounters, String owner, boolean countedForPostingHour) {
    this(insights, publicCounters, owner, countedForPostingHour, null);
  }

  /**
   * One kind's last reading: its capture time and the last known value of each tracked metric (a
   * metric missing from a snapshot keeps its earlier value).
   */
  public record Reading(long capturedAt, Map<String, Long> metrics) {
    public Reading {
      metrics = Map.copyOf(metrics);
    }
  }

  /** A state as written as JSON before the compact format (insights only, no owner). */
  @JsonCreator
  static DeltaState fromLegacyJson(
      @JsonProperty("capturedAt") long capturedAt,
      @JsonProperty("metrics") Map<String, Long> metrics,
      @JsonProperty("countedForPostingHour") boolean countedForPostingHour) {
    return new DeltaState(
        new Reading(capturedAt, metrics == null ? Map.of() : metrics),
        null,
        null,
        countedForPostingHour);
  }

  public Reading reading(SnapshotKind kind) {
    return kind == SnapshotKind.PUBLIC_COUNTERS ? publicCounters : insights;
  }
}
