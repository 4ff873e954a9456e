package io.igpulse.enricher.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RefreshScheduleTest {

  private static final long MIN = 60_000L;
  private static final long HOUR = 60 * MIN;
  private static final long DAY = 24 * HOUR;
  private final RefreshSchedule schedule = new RefreshSchedule(Cadence.defaults());
  private final long posted = 1_768_204_800_000L; // 2026-01-12T08:00Z

  @Test
  void shouldFollowTheDefaultCadenceBandByBandOnTheWallClockGrid() {
    // Posted 08:07 UTC: due on the quarter hours, then on the hours, then at 00/06/12/18, then at
    // midnight UTC, whatever the minute it was posted at.
    long p = posted + 7 * MIN;
    assertThat(next(p, p)).isEqualTo(posted + 15 * MIN);
    assertThat(next(p, posted + 15 * MIN)).isEqualTo(posted + 30 * MIN);
    assertThat(next(p, posted + 6 * HOUR)).isEqualTo(posted + 6 * HOUR + 15 * MIN);
    assertThat(next(p, posted + 6 * HOUR + 15 * MIN)).isEqualTo(posted + 7 * HOUR);
    assertThat(next(p, posted + 48 * HOUR + 7 * MIN)).isEqualTo(posted + 52 * HOUR); // 12:00 UTC
    assertThat(next(p, posted + 7 * DAY + 7 * MIN))
        .isEqualTo(posted + 7 * DAY + 16 * HOUR); // 00:00
  }

  @Test
  void shouldBringTheMediaOfOneBandDueTogether() {
    long a = posted + 2 * MIN;
    long b = posted + 11 * MIN;
    assertThat(next(a, posted + 12 * MIN)).isEqualTo(next(b, posted + 12 * MIN));
  }

  @Test
  void shouldStopAtThirtyDays() {
    assertThat(schedule.nextDue(posted, null, false, posted + 30 * DAY - HOUR)).isEmpty();
    assertThat(schedule.firstDue(posted, null, false, posted + 30 * DAY)).isEmpty();
    assertThat(schedule.firstDue(posted, null, false, posted + 30 * DAY - 1))
        .hasValue(posted + 30 * DAY - 1);
  }

  @Test
  void shouldAskAboutOneHundredAndNineSnapshotsOverAWholeLifeWhenNeverLate() {
    List<Long> due = new ArrayList<>();
    OptionalLong next = schedule.firstDue(posted, null, false, posted);
    while (next.isPresent()) {
      due.add(next.getAsLong());
      next = schedule.nextDue(posted, null, false, next.getAsLong());
    }
    // Posted 08:00: 24 quarter hours, 42 hours, 21 six-hourly (08:00 at 48 h, then 12/18/00/06),
    // 24 daily (12:00 at 7 d 4 h, then midnights): the band edges fall between grid points, so a
    // life costs a couple of snapshots more than the 109 of the bands' arithmetic.
    assertThat(due).hasSize(24 + 42 + 21 + 24);
    assertThat(Cadence.defaults().snapshotsPerMedia()).isEqualTo(109);
  }

  @Test
  void shouldNotRepeatMissedSlotsWhenLate() {
    // Due at 08:15 but read only at 08:52: the next one is the next grid point, 09:00.
    assertThat(next(posted, posted + 52 * MIN)).isEqualTo(posted + 60 * MIN);
  }

  @Test
  void shouldReadStoriesEveryFiveMinutesWithALastSnapshotJustBeforeExpiry() {
    long expires = posted + DAY;
    assertThat(schedule.nextDue(posted, expires, true, posted + 3 * MIN))
        .hasValue(posted + 5 * MIN);
    assertThat(schedule.nextDue(posted, expires, true, expires - 5 * MIN))
        .hasValue(expires - 2 * MIN);
    assertThat(schedule.nextDue(posted, expires, true, expires - 2 * MIN)).isEmpty();
    assertThat(schedule.firstDue(posted, expires, true, expires - MIN)).isEmpty();
    assertThat(schedule.firstDue(posted, null, true, posted + HOUR)).hasValue(posted + HOUR);
  }

  @Test
  void shouldTellThePlannerTheStepOfEachAge() {
    assertThat(schedule.stepOf(posted, false, posted + HOUR)).isEqualTo(Duration.ofMinutes(15));
    assertThat(schedule.stepOf(posted, false, posted + 10 * HOUR)).isEqualTo(Duration.ofHours(1));
    assertThat(schedule.stepOf(posted, true, posted + 10 * HOUR)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void shouldRefuseACadenceWhoseBandsDoNotTile() {
    assertThatThrownBy(() -> Cadence.parse("PT6H/PT15M,PT7H/PT2H", "PT5M", "PT2M"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> Cadence.parse("PT6H/PT15M,PT5H/PT1H", "PT5M", "PT2M"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private long next(long postedAt, long capturedAt) {
    return schedule.nextDue(postedAt, null, false, capturedAt).orElseThrow();
  }
}
