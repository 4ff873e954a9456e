package io.igpulse.enricher.schedule;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * When a media is due next. The step follows the media's age (the cadence bands), and due times sit
 * on the wall-clock grid of that step (every quarter hour, on the hour, at 00/06/12/18 UTC, at
 * midnight UTC), not on a grid anchored at each media's {@code posted_at}: so all media of an
 * account in the same band come due in the same round and are read with one batch, instead of one
 * request per media at scattered minutes. The schedule is a pure function of the media and the time
 * of its last snapshot: an instance that takes over after a crash or rebalance computes the same
 * due times, and a test can list exactly which snapshots a run must produce. A late snapshot is not
 * repeated for the slots it missed: the next one is due at the first grid point after it.
 */
public final class RefreshSchedule {

  private static final long STORY_LIFETIME_MS = Duration.ofHours(24).toMillis();
  private final Cadence cadence;

  public RefreshSchedule(Cadence cadence) {
    this.cadence = cadence;
  }

  public Cadence cadence() {
    return cadence;
  }

  /**
   * The first due time of a media discovered at {@code now}: at once while it is within its
   * schedule, empty when it is already past it (too old, or an expired story).
   */
  public OptionalLong firstDue(long postedAt, Long expiresAt, boolean story, long now) {
    long end = story ? lastStorySlot(postedAt, expiresAt) : postedAt + cadence.maxAge().toMillis();
    if (now > end || (!story && now == end)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(now, postedAt));
  }

  /** The first grid point strictly after {@code capturedAt}; empty when the schedule is over. */
  public OptionalLong nextDue(long postedAt, Long expiresAt, boolean story, long capturedAt) {
    return story ? nextStory(postedAt, expiresAt, capturedAt) : nextFeed(postedAt, capturedAt);
  }

  private OptionalLong nextFeed(long postedAt, long capturedAt) {
    long age = Math.max(0, capturedAt - postedAt);
    if (age >= cadence.maxAge().toMillis()) {
      return OptionalLong.empty();
    }
    long next = nextGridPoint(capturedAt, cadence.stepAt(Duration.ofMillis(age)).toMillis());
    return next - postedAt < cadence.maxAge().toMillis()
        ? OptionalLong.of(next)
        : OptionalLong.empty();
  }

  private OptionalLong nextStory(long postedAt, Long expiresAt, long capturedAt) {
    long last = lastStorySlot(postedAt, expiresAt);
    if (capturedAt >= last) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        Math.min(nextGridPoint(capturedAt, cadence.storyStep().toMillis()), last));
  }

  /** The first multiple of {@code step} (since the epoch, UTC) strictly after {@code t}. */
  static long nextGridPoint(long t, long step) {
    return (Math.floorDiv(t, step) + 1) * step;
  }

  /** The story's last snapshot: just before it stops being readable. */
  long lastStorySlot(long postedAt, Long expiresAt) {
    long expiry = expiresAt != null ? expiresAt : postedAt + STORY_LIFETIME_MS;
    return expiry - cadence.storyLastBefore().toMillis();
  }

  /** The cadence step that applies to a media now. */
  public Duration stepOf(long postedAt, boolean story, long now) {
    return story ? cadence.storyStep() : priorityStep(postedAt, now);
  }

  /**
   * The feed cadence's step at the media's age, for stories too: how fast numbers move at that age,
   * which is what the planner ranks by.
   */
  public Duration priorityStep(long postedAt, long now) {
    return cadence.stepAt(Duration.ofMillis(Math.max(0, now - postedAt)));
  }
}
