package io.igpulse.graphapi.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacer's keys do not outlive their window: gone accounts and old tokens are forgotten. */
class PacerForgettingTest {

  private static final Duration DAY = Duration.ofHours(24);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Instant T0 = Instant.parse("2026-01-12T08:00:00Z");

  @Test
  void shouldForgetAKeyIdleForAWholeWindowOnTheNextReport() {
    Pacer pacer = new Pacer(0.75, 0.8);
    pacer.recordCall(List.of("account:gone"), T0);
    pacer.observe("account:gone", 0.4, DAY, T0);
    pacer.observe("token:old", 0.2, HOUR, T0);

    pacer.observe("account:live", 0.1, DAY, T0.plus(DAY).plusSeconds(1));

    assertThat(pacer.knownKeys()).containsExactly("account:live");
    assertThat(pacer.estimatedUsage("account:gone", T0.plus(DAY))).isEmpty();
  }

  @Test
  void shouldKeepAKeyWithACallOrAReportInsideItsWindow() {
    Pacer pacer = new Pacer(0.75, 0.8);
    pacer.observe("account:a", 0.4, DAY, T0);
    pacer.observe("token:t", 0.2, HOUR, T0.plus(Duration.ofMinutes(30)));

    pacer.observe("account:b", 0.1, DAY, T0.plus(HOUR));

    assertThat(pacer.knownKeys()).containsExactlyInAnyOrder("account:a", "token:t", "account:b");
  }

  @Test
  void shouldKeepAThrottledKeyUntilItsAccessIsRegained() {
    Pacer pacer = new Pacer(0.75, 0.8);
    pacer.throttled("token:t", HOUR, Duration.ofHours(3), T0);

    pacer.observe("account:b", 0.1, DAY, T0.plus(Duration.ofHours(2)));
    assertThat(pacer.knownKeys()).contains("token:t");

    pacer.observe("account:b", 0.1, DAY, T0.plus(Duration.ofHours(3)));
    assertThat(pacer.knownKeys()).containsExactly("account:b");
  }

  @Test
  void shouldGiveTheHighestUsageOfAScope() {
    Pacer pacer = new Pacer(0.75, 0.8);
    pacer.observe("account:a", 0.4, DAY, T0);
    pacer.observe("account:b", 0.6, DAY, T0);
    pacer.observe("token:t", 0.2, HOUR, T0);

    assertThat(pacer.highestUsage("account:", T0)).contains(0.6);
    assertThat(pacer.highestUsage("token:", T0)).contains(0.2);
    assertThat(pacer.highestUsage("nothing:", T0)).isEmpty();
  }
}
