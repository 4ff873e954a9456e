package io.igpulse.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RegistrationCatchUpTest {

  private static final TopicPartition P0 = new TopicPartition("instagram.accounts", 0);
  private static final TopicPartition P1 = new TopicPartition("instagram.accounts", 1);

  private final RegistrationCatchUp catchUp = new RegistrationCatchUp();
  private final Map<TopicPartition, Long> positions = new HashMap<>();

  @Test
  void shouldSayCaughtUpOnceThePositionReachesTheEndOfTheRead() {
    catchUp.readUpTo(Map.of(P0, 10L, P1, 0L));
    positions.put(P0, 9L);
    positions.put(P1, 0L);

    assertThat(catchUp.caughtUp(positions::get))
        .as("an empty partition at once")
        .containsExactly(1);
    positions.put(P0, 10L);
    assertThat(catchUp.caughtUp(positions::get)).containsExactly(0);
    assertThat(catchUp.caughtUp(positions::get)).as("said once").isEmpty();
  }

  @Test
  void shouldLoadAgainUntilARecordReadAgainIsPassed() {
    catchUp.readUpTo(Map.of(P0, 10L));
    positions.put(P0, 10L);
    catchUp.caughtUp(positions::get);

    assertThat(catchUp.readAgain(P0, 12)).as("caught up: loading again").isTrue();
    positions.put(P0, 12L);
    assertThat(catchUp.caughtUp(positions::get)).isEmpty();
    positions.put(P0, 13L);
    assertThat(catchUp.caughtUp(positions::get)).containsExactly(0);
  }

  @Test
  void shouldNotLoadAgainForARecordBeforeTheEndOfAReadInProgress() {
    catchUp.readUpTo(Map.of(P0, 10L));

    assertThat(catchUp.readAgain(P0, 4)).isFalse();
    positions.put(P0, 5L);
    assertThat(catchUp.caughtUp(positions::get)).as("the read still ends at 10").isEmpty();
  }

  @Test
  void shouldForgetRevokedPartitions() {
    catchUp.readUpTo(Map.of(P0, 10L, P1, 10L));
    catchUp.forget(List.of(P0));
    positions.put(P1, 10L);

    assertThat(catchUp.caughtUp(positions::get)).containsExactly(1);
  }
}
