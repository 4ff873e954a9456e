package io.igpulse.enricher.snapshot;

import io.igpulse.enricher.schedule.MediaState;
import io.igpulse.events.UnavailableReason;
import io.igpulse.graphapi.outcome.Backoff;
import io.igpulse.graphapi.outcome.GraphError;
import java.time.Duration;

/**
 * The enricher's error policy for one media read, in one place: what a {@link GraphError} means for
 * the media's schedule. Pure, so every branch is unit-tested.
 */
public sealed interface ReadOutcome {

  /** Publish a snapshot; asked metrics without a value get {@code missing} as their reason. */
  record Snapshot(UnavailableReason missing) implements ReadOutcome {}

  /** Keep the media due and try again after {@code backoff}. */
  record Retry(Duration backoff, String why) implements ReadOutcome {}

  /** Stop calling for this account until {@code pause} has passed; the media stay due. */
  record PauseAccount(Duration pause, PauseCause cause, String why) implements ReadOutcome {}

  /** Why an account is paused: a throttle is routine; the others need someone to act. */
  enum PauseCause {
    THROTTLED,
    /** The token was refused (code 190, 102): the account needs re-authorising. */
    AUTH_FAILED,
    /** Code 200 (permission missing) or 368 (policy block): the account, not one read. */
    BLOCKED;

    /** Whether the pause is logged and counted for an operator to see. */
    public boolean needsAttention() {
      return this != THROTTLED;
    }
  }

  /** The media leaves the schedule for good. */
  record Leave(MediaState state, String why) implements ReadOutcome {}

  Duration AUTH_PAUSE = Duration.ofHours(1);

  /**
   * A refused permission may be granted and a policy block lifted without igpulse being told: the
   * account is tried again after this, not dropped, and its media stay due meanwhile.
   */
  Duration BLOCKED_PAUSE = Duration.ofHours(1);

  /**
   * @param failures earlier consecutive failures of this media (for the backoff)
   */
  static ReadOutcome of(GraphError error, int failures) {
    if (error == null) {
      return new Snapshot(UnavailableReason.NO_DATA_YET);
    }
    if (error instanceof GraphError.NotEnoughViewers) {
      return new Snapshot(UnavailableReason.NOT_ENOUGH_VIEWERS);
    }
    if (error instanceof GraphError.Throttled t) {
      return new PauseAccount(t.retryAfter(), PauseCause.THROTTLED, t.describe());
    }
    if (error instanceof GraphError.AuthFailed a) {
      return new PauseAccount(AUTH_PAUSE, PauseCause.AUTH_FAILED, a.describe());
    }
    if (error instanceof GraphError.AccountBlocked b) {
      return new PauseAccount(BLOCKED_PAUSE, PauseCause.BLOCKED, b.describe());
    }
    if (error instanceof GraphError.Gone) {
      return new Leave(MediaState.GONE, error.describe());
    }
    if (error instanceof GraphError.Skip) {
      return new Leave(MediaState.SKIP, error.describe());
    }
    if (error instanceof GraphError.Transient || error instanceof GraphError.Malformed) {
      return new Retry(backoff(failures), error.describe());
    }
    // Rejected (permission, bad parameter) and an UnsupportedMetric that survived healing (every
    // metric of the kind refused): asking again would fail the same way.
    return new Leave(MediaState.REJECTED, error.describe());
  }

  /**
   * Retries of one media follow graph-api's exponential bound (no jitter: each media is due on its
   * own, so retries already spread).
   */
  Backoff RETRIES = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30), () -> 1.0);

  /** 30 s doubling per earlier consecutive failure, capped at 30 min. */
  static Duration backoff(int failures) {
    return RETRIES.bound(failures + 1);
  }
}
