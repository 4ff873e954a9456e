package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.events.DiscoverySource;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A mention is known only from its notification, so none may be lost: not when the instance dies
 * while acting on it, not when its media read fails for a moment; and one for an account nobody
 * follows holds nothing. Accounts 42–44 and 47 (never registered) of the shared simulator.
 */
@WithInfrastructure
@WithSimulator
class WebhookNoLossIT {

  /**
   * The notification is read by its owner, whose media read is still under way when the instance
   * dies, while another account's discoveries commit the group's positions: the restarted instance
   * reads it again and emits the mention, once. Before webhook positions were held back, the other
   * account's transaction committed past the notification and the mention was lost.
   */
  @Test
  void shouldActOnANotificationThatWasBeingActedOnWhenTheInstanceDied(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    int mentionedIndex = 42;
    int otherIndex = 43;
    String account = GroundTruth.account(sim.world(), mentionedIndex);
    long now = sim.clock().nowEpochSecond();
    String mediaId = mentionable(sim, mentionedIndex, now);
    SeenKey mention = new SeenKey(account, DiscoverySource.MENTION, null, mediaId);
    GroundTruth truth = new GroundTruth(sim.world());
    Set<SeenKey> expected = new HashSet<>(truth.all(mentionedIndex, List.of(), now));
    expected.addAll(truth.all(otherIndex, List.of(), now));
    expected.add(mention);
    Map<String, String> env = env(sim);
    String faults = sim.baseUrl() + "/_sim/faults";
    try (CollectorHarness harness =
            new CollectorHarness(kafka, registry, sim, "webhook-restart-it");
        OutputTap tap =
            harness.tap(Set.of(account, GroundTruth.account(sim.world(), otherIndex)))) {
      CollectorService first = harness.start("wr1", env);
      harness.register(mentionedIndex, List.of());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> tap.keys().stream().anyMatch(k -> k.account().equals(account)));

      // Only the mention read goes to the `user` endpoint: it hangs past the crash.
      Http.post(
          faults,
          "{\"kind\":\"latency\",\"endpoint\":\"user\",\"rate\":1.0,\"delay_ms\":90000}",
          Map.of());
      assertThat(post(sim, first, account, mediaId)).isEqualTo(200);
      await().atMost(Duration.ofSeconds(30)).until(() -> inFlight(first) == 1.0);

      // Another account's discoveries commit the group's positions meanwhile.
      harness.register(otherIndex, List.of());
      String other = GroundTruth.account(sim.world(), otherIndex);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> tap.keys().stream().anyMatch(k -> k.account().equals(other)));
      assertThat(tap.keys()).doesNotContain(mention);
      first.halt();
      Http.delete(faults);

      CollectorService second = harness.start("wr1", env);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> new HashSet<>(tap.keys()).containsAll(expected));
      await().atMost(Duration.ofSeconds(10)).until(() -> inFlight(second) == 0.0);
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> tap.keys().size() == expected.size());
      assertThat(tap.keys()).doesNotHaveDuplicates();
      assertThat(new HashSet<>(tap.keys())).isEqualTo(expected);
      harness.deactivate(mentionedIndex);
      harness.deactivate(otherIndex);
    } finally {
      Http.delete(faults);
    }
  }

  /**
   * The media read fails three times in a row (HTTP 500): the client's two tries, then the first of
   * the poller's own. The notification is tried again and the mention emitted once.
   */
  @Test
  void shouldTryANotificationAgainWhoseReadFailedForAMoment(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    int index = 44;
    String account = GroundTruth.account(sim.world(), index);
    long now = sim.clock().nowEpochSecond();
    String mediaId = mentionable(sim, index, now);
    SeenKey mention = new SeenKey(account, DiscoverySource.MENTION, null, mediaId);
    String faults = sim.baseUrl() + "/_sim/faults";
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "webhook-retry-it");
        OutputTap tap = harness.tap(Set.of(account))) {
      CollectorService collector = harness.start("wt1", env(sim));
      harness.register(index, List.of());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> tap.keys().containsAll(new GroundTruth(sim.world()).owned(index, now)));
      Http.post(faults, "{\"kind\":\"error_500\",\"endpoint\":\"user\",\"count\":3}", Map.of());

      assertThat(post(sim, collector, account, mediaId)).isEqualTo(200);

      await().atMost(Duration.ofSeconds(30)).until(() -> tap.keys().contains(mention));
      await().atMost(Duration.ofSeconds(10)).until(() -> inFlight(collector) == 0.0);
      assertThat(tap.keys().stream().filter(k -> k.source() == DiscoverySource.MENTION))
          .containsExactly(mention);

      // A notification for an account nobody follows must not hold the position for good.
      int unfollowed = 47;
      assertThat(
              post(
                  sim,
                  collector,
                  GroundTruth.account(sim.world(), unfollowed),
                  mentionable(sim, unfollowed, now)))
          .isEqualTo(200);
      await().atMost(Duration.ofSeconds(30)).until(() -> unfollowed(collector) == 1.0);
      await().atMost(Duration.ofSeconds(10)).until(() -> inFlight(collector) == 0.0);
      harness.deactivate(index);
    } finally {
      Http.delete(faults);
    }
  }

  /** Notifications dropped because nobody follows their account here (0 until one was). */
  private static double unfollowed(CollectorService collector) {
    var counter =
        collector
            .meters()
            .find("igpulse.collector.webhooks")
            .tag("outcome", "unfollowed")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  /** The gauge of notifications read and not yet acted on. */
  private static double inFlight(CollectorService collector) {
    return collector.meters().get("igpulse.collector.webhooks.inflight").gauge().value();
  }

  /** Signs and posts a mention notification; returns the HTTP status. */
  private static int post(Simulator sim, CollectorService to, String account, String mediaId)
      throws Exception {
    String json =
        "{\"object\":\"instagram\",\"entry\":[{\"id\":\""
            + account
            + "\",\"time\":1768204800,\"changes\":[{\"field\":\"mentions\",\"value\":{\"media_id\":\""
            + mediaId
            + "\"}}]}]}";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return Http.post(
            "http://127.0.0.1:" + to.httpPort() + "/webhooks/instagram",
            json,
            Map.of("X-Hub-Signature-256", "sha256=" + sim.config().api().app().sign(body)))
        .statusCode();
  }

  /** A media that tags the account and exists at {@code now}. */
  private static String mentionable(Simulator sim, int index, long now) {
    return Long.toString(
        Arrays.stream(sim.world().taggedIn(index))
            .filter(id -> sim.world().findMedia(id).createdSec() <= now)
            .findFirst()
            .orElseThrow());
  }

  /** Webhooks on; a read may take long (the crash test holds one for 90 s). */
  private static Map<String, String> env(Simulator sim) {
    return Map.of(
        "IGPULSE_COLLECTOR_APP_SECRET", sim.config().api().app().appSecret(),
        "IGPULSE_COLLECTOR_WEBHOOK_VERIFY_TOKEN", "no-loss-verify",
        "IGPULSE_GRAPH_TIMEOUT_MS", "120000");
  }
}
