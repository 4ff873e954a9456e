package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.events.DiscoverySource;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.world.Media;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Meta's side played by the simulator: it verifies the callback with {@code hub.challenge}, then,
 * as its clock jumps two weeks, signs and posts a {@code mentions} notification for every media
 * that tags a followed account. Every one is accepted and each mentioned media is emitted once as
 * {@code MENTION}. Runs its own simulator, since the shared one keeps a frozen clock.
 */
@WithInfrastructure
class SimulatedWebhooksIT {

  @Test
  void shouldDiscoverEveryMentionTheSimulatorSends(KafkaCluster kafka, SchemaRegistry registry)
      throws Exception {
    try (Simulator sim = Simulator.start(SimulatorConfig.of(11, 6));
        CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "sim-webhooks-it")) {
      List<Integer> indexes = List.of(0, 1, 2, 3, 4, 5);
      Set<String> accounts = new HashSet<>();
      indexes.forEach(i -> accounts.add(GroundTruth.account(sim.world(), i)));
      CollectorService collector =
          harness.start(
              "m1",
              Map.of(
                  "IGPULSE_COLLECTOR_APP_SECRET", sim.config().api().app().appSecret(),
                  "IGPULSE_COLLECTOR_WEBHOOK_VERIFY_TOKEN", "sim-verify",
                  "IGPULSE_COLLECTOR_TAGS_INTERVAL", "PT1H"));
      try (OutputTap tap = harness.tap(accounts)) {
        for (int i : indexes) {
          harness.register(i, List.of());
        }
        var subscribed =
            Http.post(
                sim.baseUrl() + "/_sim/webhooks",
                "{\"callback_url\":\"http://127.0.0.1:"
                    + collector.httpPort()
                    + "/webhooks/instagram\","
                    + "\"verify_token\":\"sim-verify\",\"fields\":[\"mentions\"],\"accounts\":6}",
                Map.of());
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
        long from = sim.clock().nowEpochSecond();

        Http.post(sim.baseUrl() + "/_sim/clock", "{\"advance\":\"PT336H\"}", Map.of());
        long to = sim.clock().nowEpochSecond();
        Set<SeenKey> expected = new HashSet<>();
        for (int i : indexes) {
          for (long id : sim.world().taggedIn(i)) {
            Media m = sim.world().findMedia(id);
            if (m.createdSec() > from && m.createdSec() <= to) {
              expected.add(
                  new SeenKey(
                      GroundTruth.account(sim.world(), i),
                      DiscoverySource.MENTION,
                      null,
                      Long.toString(id)));
            }
          }
        }
        assertThat(expected).as("mentions in two simulated weeks").isNotEmpty();

        await().atMost(Duration.ofSeconds(60)).until(() -> mentions(tap).containsAll(expected));
        JsonNode deliveries =
            new ObjectMapper().readTree(Http.get(sim.baseUrl() + "/_sim/webhooks").body());
        List<SeenKey> emitted =
            tap.keys().stream().filter(k -> k.source() == DiscoverySource.MENTION).toList();
        assertThat(emitted).doesNotHaveDuplicates();
        assertThat(new HashSet<>(emitted)).isEqualTo(expected);
        assertThat(deliveries.path("failed").asLong()).isZero();
        assertThat(deliveries.path("delivered").asLong()).isGreaterThanOrEqualTo(expected.size());
        for (int i : indexes) {
          harness.deactivate(i);
        }
      }
    }
  }

  private static Set<SeenKey> mentions(OutputTap tap) {
    Set<SeenKey> out = new HashSet<>();
    tap.keys().stream().filter(k -> k.source() == DiscoverySource.MENTION).forEach(out::add);
    return out;
  }
}
