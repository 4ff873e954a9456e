package io.igpulse.simulator.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimClockTest {

  private final AtomicLong realNanos = new AtomicLong();
  private final Instant start = Instant.parse("2026-01-12T08:00:00Z");

  @Test
  void shouldRunAtItsSpeedAndMoveByHand() {
    SimClock clock = new SimClock(start, 3600, realNanos::get);

    realNanos.addAndGet(1_000_000_000L);
    assertThat(clock.now()).isEqualTo(start.plus(Duration.ofHours(1)));

    clock.advance(Duration.ofMinutes(30));
    assertThat(clock.now()).isEqualTo(start.plus(Duration.ofMinutes(90)));

    clock.setSpeed(0);
    realNanos.addAndGet(5_000_000_000L);
    assertThat(clock.now()).isEqualTo(start.plus(Duration.ofMinutes(90)));
  }

  @Test
  void shouldNeverGoBack() {
    SimClock clock = new SimClock(start, 0, realNanos::get);

    assertThatThrownBy(() -> clock.set(start.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.now()).isEqualTo(start);
  }
}
