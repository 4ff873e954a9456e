package io.igpulse.enricher.schedule;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * One media on the refresh schedule, as kept in the {@code refresh-schedule} store (JSON, so that a
 * newer version reads what an older one wrote). Immutable: every change is a new entry written in
 * the same Streams transaction as the snapshot it accompanies.
 *
 * @param nextDueAt epoch millis of the next snapshot the schedule asks for (kept when late)
 * @param notBefore epoch millis before which the media is not retried (backoff after a transient
 *     failure); 0 when none
 * @param growthPerHour engagement + reach gained per hour between the last two snapshots, the
 *     planner's "moves fast" signal; -1 when unknown
 * @param crossPosted whether a reel is cross-posted to Facebook, learned at its first read (only
 *     such reels answer {@code crossposted_views} and {@code facebook_views}); null until known and
 *     for other media
 */
public record ScheduleEntry(
    String account,
    String mediaId,
    String ownerId,
    String mediaType,
    String productType,
    long postedAt,
    Long expiresAt,
    List<String> hashtags,
    Set<String> sources,
    MediaState state,
    long nextDueAt,
    long notBefore,
    int failures,
    Long lastCapturedAt,
    Long lastProgress,
    double growthPerHour,
    int snapshots,
    Boolean crossPosted) {

  public ScheduleEntry {
    hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    sources = sources == null ? Set.of() : Set.copyOf(new TreeSet<>(sources));
  }

  /** A media entering the schedule: no snapshot, failure or backoff yet. */
  public static ScheduleEntry fresh(
      String account,
      String mediaId,
      String ownerId,
      String mediaType,
      String productType,
      long postedAt,
      Long expiresAt,
      List<String> hashtags,
      Set<String> sources,
      MediaState state,
      long nextDueAt) {
    return new ScheduleEntry(
        account,
        mediaId,
        ownerId,
        mediaType,
        productType,
        postedAt,
        expiresAt,
        hashtags,
        sources,
        state,
        nextDueAt,
        0,
        0,
        null,
        null,
        -1,
        0,
        null);
  }

  public boolean isStory() {
    return "STORY".equals(productType);
  }

  /**
   * Whether a discovery as the account's own media or story put it here: only those are read with
   * insights (earlier versions also kept media found through tags, mentions and hashtags).
   */
  public boolean readWithInsights() {
    return sources.stream().anyMatch(PublicPaths::readWithInsights);
  }

  public boolean isDueAt(long now) {
    return state == MediaState.ACTIVE && nextDueAt <= now && notBefore <= now;
  }

  /** Whether both describe the same point of the media's schedule (sources aside). */
  public boolean sameProgressAs(ScheduleEntry other) {
    return state == other.state
        && nextDueAt == other.nextDueAt
        && notBefore == other.notBefore
        && failures == other.failures
        && snapshots == other.snapshots;
  }

  /** The same media seen through one more discovery source; the schedule itself is kept. */
  public ScheduleEntry withSource(String source, List<String> moreHashtags) {
    Set<String> s = new TreeSet<>(sources);
    s.add(source);
    TreeSet<String> tags = new TreeSet<>(hashtags);
    tags.addAll(moreHashtags);
    return new ScheduleEntry(
        account,
        mediaId,
        ownerId,
        mediaType,
        productType,
        postedAt,
        expiresAt,
        List.copyOf(tags),
        s,
        state,
        nextDueAt,
        notBefore,
        failures,
        lastCapturedAt,
        lastProgress,
        growthPerHour,
        snapshots,
        crossPosted);
  }

  /**
   * Whether a read asks for the reel's cross-posted views too: a reel not known to be anything but
   * cross-posted. The API gives no field that says so; a refusal of the two metrics does.
   */
  public boolean asksCrossPosted() {
    return "REELS".equals(productType) && !Boolean.FALSE.equals(crossPosted);
  }

  /** The same media with what its last read taught about cross-posting. */
  public ScheduleEntry withCrossPosted(boolean known) {
    return new ScheduleEntry(
        account,
        mediaId,
        ownerId,
        mediaType,
        productType,
        postedAt,
        expiresAt,
        hashtags,
        sources,
        state,
        nextDueAt,
        notBefore,
        failures,
        lastCapturedAt,
        lastProgress,
        growthPerHour,
        snapshots,
        known);
  }

  /** After a snapshot captured at {@code capturedAt}; {@code next} empty when the schedule ends. */
  public ScheduleEntry snapshotTaken(long capturedAt, Long progress, OptionalLong next) {
    double growth = growthPerHour;
    if (progress != null && lastProgress != null && lastCapturedAt != null) {
      double hours = (capturedAt - lastCapturedAt) / 3_600_000.0;
      if (hours > 0) {
        growth = Math.max(0, progress - lastProgress) / hours;
      }
    }
    return withProgress(
        next.isPresent() ? MediaState.ACTIVE : MediaState.DONE,
        next.isPresent() ? next.getAsLong() : nextDueAt,
        0,
        0,
        capturedAt,
        progress == null ? lastProgress : progress,
        growth,
        snapshots + 1);
  }

  /** A failure worth retrying: stays due, not before {@code retryAt}. */
  public ScheduleEntry retryLater(long retryAt) {
    return withProgress(
        state,
        nextDueAt,
        retryAt,
        failures + 1,
        lastCapturedAt,
        lastProgress,
        growthPerHour,
        snapshots);
  }

  /** Leaves the schedule for good. */
  public ScheduleEntry leave(MediaState why) {
    return withProgress(
        why, nextDueAt, 0, failures, lastCapturedAt, lastProgress, growthPerHour, snapshots);
  }

  /** The same media with new schedule progress (everything after {@code sources}). */
  private ScheduleEntry withProgress(
      MediaState newState,
      long newNextDueAt,
      long newNotBefore,
      int newFailures,
      Long newLastCapturedAt,
      Long newLastProgress,
      double newGrowthPerHour,
      int newSnapshots) {
    return new ScheduleEntry(
        account,
        mediaId,
        ownerId,
        mediaType,
        productType,
        postedAt,
        expiresAt,
        hashtags,
        sources,
        newState,
        newNextDueAt,
        newNotBefore,
        newFailures,
        newLastCapturedAt,
        newLastProgress,
        newGrowthPerHour,
        newSnapshots,
        crossPosted);
  }
}
