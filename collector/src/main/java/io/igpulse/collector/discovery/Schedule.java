package io.igpulse.collector.discovery;

import io.igpulse.runtime.config.Settings;
import java.time.Duration;

/**
 * How often each source of an account is read, and how failures slow it down.
 *
 * @param owned incremental read of the account's own media (newest first until a known one)
 * @param fullSweep full read of the account's media, catching what the incremental read missed
 * @param stories must stay well inside the stories' 24 h life
 * @param backoffBase first delay after a throttle or transient failure, doubled each time
 */
public record Schedule(
    Duration owned,
    Duration fullSweep,
    Duration stories,
    Duration tags,
    Duration hashtags,
    Duration backoffBase,
    Duration backoffMax,
    int incrementalPage,
    int maxMediaPerSweep) {

  public Schedule {
    for (Duration d : new Duration[] {owned, fullSweep, stories, tags, hashtags, backoffBase}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("schedule intervals must be positive: " + d);
      }
    }
    if (stories.compareTo(Duration.ofHours(12)) > 0) {
      throw new IllegalArgumentException(
          "IGPULSE_COLLECTOR_STORIES_INTERVAL must stay well inside the 24 h story life: "
              + stories);
    }
  }

  /** The schedule the environment sets, with the defaults above. */
  public static Schedule from(Settings s) {
    return new Schedule(
        s.duration("IGPULSE_COLLECTOR_OWNED_INTERVAL", Duration.ofMinutes(5)),
        s.duration("IGPULSE_COLLECTOR_FULL_SWEEP_INTERVAL", Duration.ofHours(24)),
        s.duration("IGPULSE_COLLECTOR_STORIES_INTERVAL", Duration.ofMinutes(30)),
        s.duration("IGPULSE_COLLECTOR_TAGS_INTERVAL", Duration.ofHours(1)),
        s.duration("IGPULSE_COLLECTOR_HASHTAGS_INTERVAL", Duration.ofHours(1)),
        s.duration("IGPULSE_COLLECTOR_BACKOFF_BASE", Duration.ofSeconds(30)),
        s.duration("IGPULSE_COLLECTOR_BACKOFF_MAX", Duration.ofHours(1)),
        s.integer("IGPULSE_COLLECTOR_INCREMENTAL_PAGE", 25),
        s.integer("IGPULSE_COLLECTOR_MAX_MEDIA_PER_SWEEP", 10_000));
  }
}
