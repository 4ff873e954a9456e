package io.igpulse.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One line per interval whatever the flood, and the next line says how many were held back. */
class LogRateLimitTest {

  private final AtomicLong nanos = new AtomicLong(123_456_789L);
  private final LogRateLimit limit = new LogRateLimit(Duration.ofMinutes(1), nanos::get);

  @Test
  void shouldLetTheFirstEventThroughAndHoldBackTheRestOfTheInterval() {
    assertThat(limit.permit()).isZero();
    int logged = 0;
    for (int i = 0; i < 10_000; i++) {
      nanos.addAndGet(1_000_000); // 10,000 events over 10 s
      if (limit.permit() >= 0) {
        logged++;
      }
    }
    assertThat(logged).isZero();
  }

  @Test
  void shouldLetOneThroughPerIntervalSayingHowManyWereHeldBack() {
    limit.permit();
    for (int i = 0; i < 41; i++) {
      limit.permit();
    }

    nanos.addAndGet(Duration.ofMinutes(1).toNanos());

    assertThat(limit.permit()).isEqualTo(41);
    assertThat(limit.permit()).isEqualTo(-1);
  }

  @Test
  void shouldWorkAcrossTheNanoTimeSignFlip() {
    nanos.set(Long.MAX_VALUE - 10);
    assertThat(limit.permit()).isZero();
    nanos.addAndGet(20); // wraps to negative
    assertThat(limit.permit()).isEqualTo(-1);
    nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    assertThat(limit.permit()).isEqualTo(1);
  }
}
