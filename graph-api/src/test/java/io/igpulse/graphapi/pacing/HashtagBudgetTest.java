package io.igpulse.graphapi.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashtagBudgetTest {

  private static final Instant T0 = Instant.parse("2026-01-12T08:00:00Z");

  @Test
  void shouldAllowThirtyUniqueTagsAndRepeatsForFree() {
    HashtagBudget budget = new HashtagBudget();
    for (int i = 0; i < 30; i++) {
      assertThat(budget.tryAcquire("a", "tag" + i, T0.plusSeconds(i))).isTrue();
    }
    assertThat(budget.tryAcquire("a", "tag31", T0.plusSeconds(40))).isFalse();
    assertThat(budget.tryAcquire("a", "#TAG3", T0.plusSeconds(40))).isTrue();
    assertThat(budget.tryAcquire("b", "tag31", T0.plusSeconds(40))).isTrue();
    assertThat(budget.nextFreeSlot("a", T0.plusSeconds(40))).isEqualTo(T0.plus(Duration.ofDays(7)));
  }

  @Test
  void shouldFreeASlotSevenDaysAfterTheFirstSearchNotTheRepeat() {
    HashtagBudget budget = new HashtagBudget(1, Duration.ofDays(7));
    budget.tryAcquire("a", "one", T0);
    budget.tryAcquire("a", "one", T0.plus(Duration.ofDays(3)));
    assertThat(budget.tryAcquire("a", "two", T0.plus(Duration.ofDays(7)).plusSeconds(1))).isTrue();
  }

  @Test
  void shouldCountSyncedTagsAgainstTheBudget() {
    HashtagBudget budget = new HashtagBudget(2, Duration.ofDays(7));
    budget.sync("a", List.of("x", "y"), T0);
    assertThat(budget.remaining("a", T0)).isZero();
    assertThat(budget.tryAcquire("a", "x", T0)).isTrue();
    assertThat(budget.tryAcquire("a", "z", T0)).isFalse();
  }
}
