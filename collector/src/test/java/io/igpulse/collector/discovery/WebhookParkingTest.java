package io.igpulse.collector.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.collector.discovery.WebhookParking.Parked;
import io.igpulse.collector.discovery.WebhookParking.PartitionState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each state and transition of the parking protocol, without an event loop or a timer. */
class WebhookParkingTest {

  private final WebhookParking<String> parking = new WebhookParking<>(2);

  @Test
  void shouldTreatAPartitionNotYetReadAsLoading() {
    assertThat(parking.stateOf(3)).isEqualTo(PartitionState.LOADING);
    assertThat(parking.park("7", 3, "m1")).isEqualTo(Parked.WAITING);
    assertThat(parking.takeForNotFollowed("7", 3))
        .as("a later registration may start it")
        .isEmpty();
    assertThat(parking.takeAfterGrace("7", false)).isEmpty();
    assertThat(parking.size()).isEqualTo(1);
  }

  @Test
  void shouldStartTheGraceOfEveryWaitingAccountWhenItsPartitionIsCaughtUp() {
    parking.park("7", 3, "m1");
    parking.park("7", 3, "m2");
    parking.park("8", 4, "m3");

    assertThat(parking.markCaughtUp(3)).containsExactly("7");
    assertThat(parking.stateOf(3)).isEqualTo(PartitionState.CAUGHT_UP);
    assertThat(parking.takeAfterGrace("7", false)).containsExactly("m1", "m2");
    assertThat(parking.takeAfterGrace("8", false)).as("partition 4 still loading").isEmpty();
    assertThat(parking.size()).isEqualTo(1);
  }

  @Test
  void shouldStartTheGraceOnTheFirstNotificationOfACaughtUpPartitionOnly() {
    parking.markCaughtUp(3);

    assertThat(parking.park("7", 3, "m1")).isEqualTo(Parked.WAITING_START_GRACE);
    assertThat(parking.park("7", 3, "m2")).isEqualTo(Parked.WAITING);
    assertThat(parking.park("7", 3, "m3")).isEqualTo(Parked.OVERFLOW);
    assertThat(parking.size()).isEqualTo(2);
  }

  @Test
  void shouldHandTheNotificationsToAnAccountThatStarts() {
    parking.park("7", 3, "m1");
    parking.park("7", 3, "m2");

    assertThat(parking.takeForStarted("7")).containsExactly("m1", "m2");
    assertThat(parking.takeForStarted("7")).isEmpty();
    assertThat(parking.size()).isZero();
  }

  @Test
  void shouldKeepThemWhenTheAccountIsFollowedOrItsPartitionIsReadAgainBeforeTheGraceEnds() {
    parking.markCaughtUp(3);
    parking.park("7", 3, "m1");

    assertThat(parking.takeAfterGrace("7", true)).as("followed meanwhile").isEmpty();
    parking.markLoading(3);
    assertThat(parking.stateOf(3)).isEqualTo(PartitionState.LOADING);
    assertThat(parking.takeAfterGrace("7", false)).as("read again").isEmpty();
    assertThat(parking.markCaughtUp(3)).containsExactly("7");
    assertThat(parking.takeAfterGrace("7", false)).containsExactly("m1");
  }

  @Test
  void shouldDropThemForAnAccountStoppedInACaughtUpPartitionOnly() {
    parking.park("7", 3, "m1");
    parking.park("8", 4, "m2");
    parking.markCaughtUp(3);

    assertThat(parking.takeForNotFollowed("7", 3)).containsExactly("m1");
    assertThat(parking.takeForNotFollowed("8", 4)).isEmpty();
    assertThat(parking.size()).isEqualTo(1);
  }

  @Test
  void shouldReleaseTheNotificationsOfRevokedPartitionsAndForgetTheirState() {
    parking.park("7", 3, "m1");
    parking.park("8", 4, "m2");
    parking.park("9", 5, "m3");
    parking.markCaughtUp(3);

    assertThat(parking.revoke(List.of(3, 4))).containsExactlyInAnyOrder("m1", "m2");
    assertThat(parking.stateOf(3)).isEqualTo(PartitionState.LOADING);
    assertThat(parking.size()).isEqualTo(1);
    assertThat(parking.takeForStarted("9")).containsExactly("m3");
  }
}
