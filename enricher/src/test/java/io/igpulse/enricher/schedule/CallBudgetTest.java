package io.igpulse.enricher.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallBudgetTest {

  private static final long HOUR = 3_600_000L;

  @Test
  void shouldRefillAtTheHourlyRateUpToTheBurst() {
    CallBudget budget = new CallBudget(120, 60);
    assertThat(budget.available("a", 0)).isEqualTo(60);
    budget.spend("a", 60, 0);
    assertThat(budget.available("a", 0)).isZero();
    assertThat(budget.available("a", HOUR / 4)).isEqualTo(30);
    assertThat(budget.available("a", 10 * HOUR)).isEqualTo(60);
    assertThat(budget.available("b", 0)).isEqualTo(60);
  }

  @Test
  void shouldGiveNothingWhileBlocked() {
    CallBudget budget = new CallBudget(120, 60);
    budget.blockUntil("a", HOUR, 0);
    assertThat(budget.available("a", HOUR - 1)).isZero();
    assertThat(budget.available("a", HOUR)).isEqualTo(60);
  }
}
