package io.igpulse.graphapi.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void shouldDoubleTheBoundUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.5);
    assertThat(backoff.bound(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.bound(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.bound(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.bound(5)).isEqualTo(Duration.ofMillis(1000));
    assertThat(backoff.bound(60)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void shouldJitterWithinTheUpperHalfOfTheBound() {
    assertThat(new Backoff(Duration.ofMillis(400), Duration.ofSeconds(10), () -> 0.0).delay(2))
        .isEqualTo(Duration.ofMillis(400));
    assertThat(new Backoff(Duration.ofMillis(400), Duration.ofSeconds(10), () -> 0.999).delay(2))
        .isEqualTo(Duration.ofMillis(799));
  }
}
