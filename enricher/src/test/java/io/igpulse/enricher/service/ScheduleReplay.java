package io.igpulse.enricher.service;

import io.igpulse.enricher.schedule.Cadence;
import io.igpulse.enricher.schedule.RefreshSchedule;
import io.igpulse.simulator.world.Media;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The snapshots the schedule asks of a media when the enricher looks at the given instants (the
 * simulated times a test stops at): what a run must have published, no more and no fewer.
 */
final class ScheduleReplay {

  private static final RefreshSchedule SCHEDULE = new RefreshSchedule(Cadence.defaults());

  private ScheduleReplay() {}

  static List<Instant> expected(Media media, List<Instant> lookedAt) {
    long posted = media.createdSec() * 1000;
    Long expires = media.kind().isStory() ? posted + 86_400_000L : null;
    boolean story = media.kind().isStory();
    List<Instant> out = new ArrayList<>();
    OptionalLong due = SCHEDULE.firstDue(posted, expires, story, lookedAt.get(0).toEpochMilli());
    for (Instant t : lookedAt) {
      long now = t.toEpochMilli();
      if (due.isPresent() && due.getAsLong() <= now) {
        out.add(t);
        due = SCHEDULE.nextDue(posted, expires, story, now);
      }
    }
    return out;
  }
}
