package io.igpulse.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures of the accounts consumer it outlasts by joining the group again. */
class AccountsLoopTest {

  @Test
  void shouldTellATimeoutEvenWrappedByARebalanceCallbackFromOtherFailures() {
    assertThat(AccountsLoop.isTimeout(new TimeoutException("endOffsets"))).isTrue();
    assertThat(
            AccountsLoop.isTimeout(
                new KafkaException(
                    "User rebalance callback throws an error",
                    new RuntimeException("seen load", new TimeoutException("position")))))
        .isTrue();
    assertThat(AccountsLoop.isTimeout(new KafkaException("record is corrupt"))).isFalse();
  }
}
