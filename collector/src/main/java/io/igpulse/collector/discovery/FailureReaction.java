package io.igpulse.collector.discovery;

import io.igpulse.graphapi.outcome.Backoff;
import io.igpulse.graphapi.outcome.GraphError;
import java.time.Duration;

/**
 * What a poll does after the API refused it, in one place: throttles and transient failures back
 * the task off (doubling, capped); a failed token stops the whole account ("failing") until it is
 * registered again; a refusal of the account itself (a missing permission, a policy block) pauses
 * the task for an hour and is logged as needing attention; anything else is counted and the task
 * simply runs at its next turn.
 */
public final class FailureReaction {

  /** The reaction kinds. */
  public enum Kind {
    BACK_OFF,
    FAIL_ACCOUNT,
    PAUSE_ACCOUNT,
    NEXT_TURN
  }

  /** A reaction and how long to wait before the next try. */
  public record Reaction(Kind kind, Duration delay) {}

  /**
   * Codes 200 and 368 refuse the account, not the call: asking at every turn would only repeat the
   * refusal, and a permission may be granted or a block lifted without igpulse being told, so the
   * task is tried again after this rather than stopped.
   */
  static final Duration BLOCKED_PAUSE = Duration.ofHours(1);

  // Only the bound is used (no jitter): each task has its own timer, so retries spread anyway.
  private final Backoff backoff;

  public FailureReaction(Duration base, Duration max) {
    this.backoff = new Backoff(base, max, () -> 1.0);
  }

  /**
   * @param failuresInARow failures of this task in a row, this one included (1 = first)
   * @param interval the task's normal interval
   */
  public Reaction react(GraphError error, int failuresInARow, Duration interval) {
    if (error instanceof GraphError.AuthFailed) {
      return new Reaction(Kind.FAIL_ACCOUNT, Duration.ZERO);
    }
    if (error instanceof GraphError.AccountBlocked) {
      return new Reaction(Kind.PAUSE_ACCOUNT, max(BLOCKED_PAUSE, interval));
    }
    if (error instanceof GraphError.Throttled t) {
      return new Reaction(Kind.BACK_OFF, max(t.retryAfter(), backoff(failuresInARow)));
    }
    if (error instanceof GraphError.Transient || error instanceof GraphError.Malformed) {
      return new Reaction(Kind.BACK_OFF, backoff(failuresInARow));
    }
    return new Reaction(Kind.NEXT_TURN, interval);
  }

  /** base × 2^(n−1), capped. */
  Duration backoff(int failuresInARow) {
    return backoff.bound(failuresInARow);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
