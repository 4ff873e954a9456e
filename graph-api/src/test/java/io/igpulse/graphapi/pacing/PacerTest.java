package io.igpulse.graphapi.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

  private static final Duration DAY = Duration.ofHours(24);
  private static final Instant T0 = Instant.parse("2026-01-12T08:00:00Z");
  private static final List<String> KEY = List.of("account:1");

  /** Makes {@code calls} calls at {@code at} and reports {@code usage} after them. */
  private static void spend(Pacer pacer, int calls, double usage, Instant at) {
    for (int i = 0; i < calls; i++) {
      pacer.recordCall(KEY, at);
    }
    pacer.observe("account:1", usage, DAY, at);
  }

  @Test
  void shouldNotWaitWellBelowTheTarget() {
    Pacer pacer = new Pacer(0.75, 0.8);
    spend(pacer, 10, 0.10, T0);
    assertThat(pacer.delayBefore(KEY, T0)).isZero();
  }

  @Test
  void shouldSpaceCallsAtTheSustainableRateInTheSlowdownBand() {
    Pacer pacer = new Pacer(0.75, 0.8);
    pacer.observe("account:1", 0, DAY, T0);
    spend(pacer, 65, 0.65, T0);
    // One call costs 1 %, so the day sustains one call per 24 h / 100 = 864 s.
    assertThat(pacer.delayBefore(KEY, T0)).isEqualTo(Duration.ofSeconds(864));
    assertThat(pacer.delayBefore(KEY, T0.plusSeconds(864))).isZero();
  }

  @Test
  void shouldHoldAtTheTargetUntilTheOldestCallLeavesTheWindow() {
    Pacer pacer = new Pacer(0.75, 0.8);
    pacer.observe("account:1", 0, DAY, T0);
    spend(pacer, 75, 0.75, T0);
    assertThat(pacer.delayBefore(KEY, T0.plusSeconds(60)))
        .isEqualTo(DAY.minusSeconds(60).plusMillis(1));
    // After the window the estimate has fallen by what expired: free again.
    assertThat(pacer.delayBefore(KEY, T0.plus(DAY).plusSeconds(1))).isZero();
    assertThat(pacer.estimatedUsage("account:1", T0.plus(DAY).plusSeconds(1)).orElseThrow())
        .isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void shouldStopUntilRegainedWhenThrottled() {
    Pacer pacer = new Pacer(0.75, 0.8);
    pacer.throttled("account:1", DAY, Duration.ofMinutes(17), T0);
    assertThat(pacer.delayBefore(KEY, T0)).isEqualTo(Duration.ofMinutes(17));
    assertThat(pacer.delayBefore(List.of("token:x"), T0)).isZero();
  }

  @Test
  void shouldTakeTheLongestWaitOfAllKeysOfACall() {
    Pacer pacer = new Pacer(0.75, 0.8);
    pacer.throttled("token:a", Duration.ofHours(1), Duration.ofMinutes(3), T0);
    pacer.throttled("account:1", DAY, Duration.ofMinutes(9), T0);
    assertThat(pacer.delayBefore(List.of("token:a", "account:1"), T0))
        .isEqualTo(Duration.ofMinutes(9));
  }
}
