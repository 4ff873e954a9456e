package io.igpulse.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class WebhookPositionsTest {

  private final TopicPartition p0 = new TopicPartition("webhooks", 0);
  private final TopicPartition p1 = new TopicPartition("webhooks", 1);
  private final WebhookPositions positions = new WebhookPositions();

  @Test
  void shouldNeverCommitPastTheOldestNotificationStillBeingActedOn() {
    WebhookPositions.Ticket first = positions.started(p0, 7);
    WebhookPositions.Ticket second = positions.started(p0, 9);

    assertThat(positions.committable(p0, 12)).isEqualTo(7);
    assertThat(positions.committable(p1, 4)).as("other partitions move freely").isEqualTo(4);

    positions.done(second);
    assertThat(positions.committable(p0, 12)).as("an older one still runs").isEqualTo(7);
    positions.done(first);
    assertThat(positions.committable(p0, 12)).isEqualTo(12);
    assertThat(positions.size()).isZero();
  }

  @Test
  void shouldLetALateFinishOfARevokedPartitionLeaveItsNextAssignmentAlone() {
    WebhookPositions.Ticket before = positions.started(p0, 7);
    positions.forget(List.of(p0));
    assertThat(positions.committable(p0, 8)).isEqualTo(8);

    // Assigned again, the same record is read again and is in flight once more.
    positions.started(p0, 7);
    positions.done(before);

    assertThat(positions.committable(p0, 8)).isEqualTo(7);
    assertThat(positions.size()).isEqualTo(1);
  }
}
