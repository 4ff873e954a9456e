package io.igpulse.collector.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.metrics.CollectorMetrics;
import io.igpulse.events.AccountRegistration;
import io.igpulse.events.LoginFlavour;
import io.igpulse.graphapi.Flavour;
import io.igpulse.graphapi.GraphApiConfig;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.runtime.clock.ServiceClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a webhook notification for an account that is not polled (yet) counts as handled, which
 * decides whether its partition's position may move past it. The accounts here have no token, so
 * their pollers fail at once and nothing reaches the network.
 */
class AccountRegistryWebhooksTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Duration second = Duration.ofSeconds(1);
  private final AccountRegistry registry =
      new AccountRegistry(
          vertx,
          vertx.getOrCreateContext(),
          GraphClient.create(vertx, GraphApiConfig.defaults(Flavour.FACEBOOK), meters),
          ref -> Optional.empty(),
          new Schedule(second, second, second, second, second, second, second, 10, 100),
          new SeenState(new SeenExpiry(SeenExpiry.DEFAULT)),
          (context, account, partition, items) -> Future.succeededFuture(items.size()),
          new CollectorMetrics(meters),
          ServiceClock.SYSTEM);

  @AfterEach
  void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void shouldHoldANotificationUntilItsPartitionHasBeenReadThenDropItAsUnfollowed() {
    Future<Void> handled = registry.handleWebhook("7", "mentions", "m1", 3);

    assertHeldThenDroppedAsUnfollowedOnceCaughtUp(handled);
  }

  @Test
  void shouldNotTakeADeactivationReadWhileLoadingForTheLastWord() {
    Future<Void> handled = registry.handleWebhook("7", "mentions", "m1", 3);
    registry.applyRegistration("7", registration("7", false), 3);

    // Only once caught up is the account known to be unfollowed.
    assertHeldThenDroppedAsUnfollowedOnceCaughtUp(handled);
  }

  /** Partition 3's notification holds until the partition is caught up, then goes as unfollowed. */
  private void assertHeldThenDroppedAsUnfollowedOnceCaughtUp(Future<Void> handled) {
    await().during(Duration.ofMillis(500)).atMost(second).until(() -> !handled.isComplete());
    registry.markCaughtUp(3);
    await().atMost(AccountRegistry.UNFOLLOWED_GRACE.plusSeconds(5)).until(handled::isComplete);
    assertThat(unfollowed()).isEqualTo(1.0);
  }

  @Test
  void shouldReleaseTheNotificationsOfARevokedPartitionAtOnce() {
    Future<Void> mine = registry.handleWebhook("7", "mentions", "m1", 3);
    Future<Void> kept = registry.handleWebhook("8", "mentions", "m2", 4);

    registry.revoke(List.of(3));

    await().atMost(second).until(mine::isComplete);
    assertThat(kept.isComplete()).as("partition 4 stays").isFalse();
    assertThat(unfollowed()).as("not counted: the next owner reads it again").isZero();
  }

  @Test
  void shouldGiveANotificationToTheAccountAtOnceWhenItIsKnown() {
    registry.markCaughtUp(3);
    registry.applyRegistration("7", registration("7", true), 3);

    // Without a token the poller is failing: it cannot act, so the notification is done with.
    Future<Void> handled = registry.handleWebhook("7", "mentions", "m1", 3);

    await().atMost(second).until(handled::isComplete);
    assertThat(unfollowed()).isZero();
  }

  private double unfollowed() {
    Counter c = meters.find("igpulse.collector.webhooks").tag("outcome", "unfollowed").counter();
    return c == null ? 0 : c.count();
  }

  private static AccountRegistration registration(String id, boolean active) {
    return AccountRegistration.newBuilder()
        .setIgUserId(id)
        .setLabel(id)
        .setTokenRef("missing")
        .setLoginFlavour(LoginFlavour.FACEBOOK_LOGIN)
        .setHashtags(List.of())
        .setActive(active)
        .setRegisteredAt(NOW)
        .setUpdatedAt(NOW)
        .build();
  }
}
