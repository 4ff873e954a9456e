package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.events.DiscoverySource;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
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
 * Stories live 24 h and are then gone from the API. With the simulated clock at an hour per second
 * and stories read every simulated hour, every story that was live at any moment of a 30-hour run
 * is emitted, once. Runs its own simulator, since the shared one keeps a frozen clock.
 */
@WithInfrastructure
class StoriesIT {

  @Test
  void shouldCatchEveryStoryBeforeItExpiresWithTheClockAtHighSpeed(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    try (Simulator sim = Simulator.start(SimulatorConfig.of(7, 8));
        CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "stories-it")) {
      List<Integer> indexes = List.of(0, 1, 2, 3, 4, 5, 6, 7);
      Set<String> accounts = new HashSet<>();
      indexes.forEach(i -> accounts.add(GroundTruth.account(sim.world(), i)));
      // A slow full sweep and no hashtags: this run is about stories.
      harness.start(
          "s1",
          Map.of(
              "IGPULSE_COLLECTOR_STORIES_INTERVAL", "PT1S",
              "IGPULSE_COLLECTOR_FULL_SWEEP_INTERVAL", "PT1H",
              "IGPULSE_COLLECTOR_TAGS_INTERVAL", "PT1H"));
      try (OutputTap tap = harness.tap(accounts)) {
        for (int i : indexes) {
          harness.register(i, List.of());
        }
        long start = sim.clock().nowEpochSecond();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> stories(tap).containsAll(truthBetween(sim, indexes, start, start)));

        // One simulated hour per real second, for 30 simulated hours.
        Http.post(sim.baseUrl() + "/_sim/clock", "{\"speed\":3600}", Map.of());
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> sim.clock().nowEpochSecond() >= start + 30 * 3600);
        Http.post(sim.baseUrl() + "/_sim/clock", "{\"speed\":0}", Map.of());
        long end = sim.clock().nowEpochSecond();

        Set<SeenKey> expected = truthBetween(sim, indexes, start, end);
        assertThat(expected.size()).as("stories in the run").isGreaterThan(20);
        await().atMost(Duration.ofSeconds(30)).until(() -> stories(tap).containsAll(expected));
        List<SeenKey> emitted =
            tap.keys().stream().filter(k -> k.source() == DiscoverySource.STORY).toList();
        assertThat(emitted).doesNotHaveDuplicates();
        assertThat(new HashSet<>(emitted)).isEqualTo(expected);
        for (int i : indexes) {
          harness.deactivate(i);
        }
      }
    }
  }

  private static Set<SeenKey> stories(OutputTap tap) {
    Set<SeenKey> out = new HashSet<>();
    tap.keys().stream().filter(k -> k.source() == DiscoverySource.STORY).forEach(out::add);
    return out;
  }

  private static Set<SeenKey> truthBetween(
      Simulator sim, List<Integer> indexes, long from, long to) {
    GroundTruth truth = new GroundTruth(sim.world());
    Set<SeenKey> out = new HashSet<>();
    indexes.forEach(i -> out.addAll(truth.storiesLiveBetween(i, from, to)));
    return out;
  }
}
