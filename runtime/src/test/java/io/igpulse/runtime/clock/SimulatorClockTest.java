package io.igpulse.runtime.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.igpulse.runtime.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimulatorClockTest {

  private static final Instant T0 = Instant.parse("2026-01-12T08:00:00Z");
  private final AtomicLong realNanos = new AtomicLong();
  private final AtomicInteger reads = new AtomicInteger();

  @Test
  void shouldExtrapolateARunningClockAndAskAgainOnlyOnceASecond() {
    SimulatorClock clock = clockAnswering(new SimulatorClock.Reading(T0, 60));

    Instant first = clock.clock().instant();
    realNanos.addAndGet(Duration.ofMillis(500).toNanos());
    Instant halfASecondLater = clock.clock().instant();

    assertThat(first).isEqualTo(T0);
    assertThat(halfASecondLater).isEqualTo(T0.plusSeconds(30));
    assertThat(reads).hasValue(1);

    realNanos.addAndGet(Duration.ofMillis(600).toNanos());
    clock.clock().instant();
    assertThat(reads).hasValue(2);
  }

  @Test
  void shouldAskAtEveryReadingWhileFrozenSoThatAMoveByHandIsSeenAtOnce() {
    SimulatorClock clock =
        clockAnswering(
            new SimulatorClock.Reading(T0, 0),
            new SimulatorClock.Reading(T0.plus(Duration.ofHours(1)), 0));

    assertThat(clock.clock().instant()).isEqualTo(T0);
    assertThat(clock.clock().instant()).isEqualTo(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void shouldNeverGoBackwards() {
    SimulatorClock clock =
        clockAnswering(
            new SimulatorClock.Reading(T0, 60), new SimulatorClock.Reading(T0.plusSeconds(10), 60));

    clock.clock().instant();
    realNanos.addAndGet(Duration.ofMillis(900).toNanos());
    Instant extrapolated = clock.clock().instant(); // T0 + 54 s
    realNanos.addAndGet(Duration.ofMillis(200).toNanos());
    Instant afterRefresh = clock.clock().instant(); // the new answer says T0 + 10 s

    assertThat(extrapolated).isEqualTo(T0.plusSeconds(54));
    assertThat(afterRefresh).isEqualTo(extrapolated);
  }

  @Test
  void shouldTurnSimulatedIntervalsIntoRealDelaysByTheSpeed() {
    SimulatorClock fast = clockAnswering(new SimulatorClock.Reading(T0, 60));
    SimulatorClock frozen = clockAnswering(new SimulatorClock.Reading(T0, 0));

    assertThat(fast.realDelay(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(500));
    assertThat(fast.realDelay(Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(1));
    // Never more than a second: the speed may change, or a frozen clock be moved by hand.
    assertThat(fast.realDelay(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(1));
    assertThat(frozen.realDelay(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldChooseTheClockFromOneSetting() {
    assertThat(ServiceClock.from(Settings.of(Map.of()))).isSameAs(ServiceClock.SYSTEM);
    assertThat(
            ServiceClock.from(
                Settings.of(
                    Map.of(
                        "IGPULSE_CLOCK", "simulator",
                        "IGPULSE_GRAPH_BASE_URL", "http://127.0.0.1:1"))))
        .isInstanceOf(SimulatorClock.class);
    assertThatThrownBy(() -> ServiceClock.from(Settings.of(Map.of("IGPULSE_CLOCK", "wall"))))
        .hasMessageContaining("IGPULSE_CLOCK");
    assertThatThrownBy(() -> ServiceClock.from(Settings.of(Map.of("IGPULSE_CLOCK", "simulator"))))
        .hasMessageContaining("IGPULSE_GRAPH_BASE_URL");
  }

  private SimulatorClock clockAnswering(SimulatorClock.Reading... answers) {
    Deque<SimulatorClock.Reading> left = new ArrayDeque<>(java.util.List.of(answers));
    return new SimulatorClock(
        () -> {
          reads.incrementAndGet();
          return left.size() > 1 ? left.poll() : left.peek();
        },
        realNanos::get);
  }
}
