package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.kafka.CollectorTopics;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two instances in one group split the accounts by partition: both emit, the union is the ground
 * truth and nothing is emitted twice — also when one of them leaves mid-run and the other takes its
 * accounts over. Accounts 20–29 of the shared simulator.
 */
@WithInfrastructure
@WithSimulator
class TwoInstancesIT {

  @Test
  void shouldSplitTheAccountsWithNoGapAndNoOverlap(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    List<Integer> indexes = IntStream.rangeClosed(20, 29).boxed().toList();
    GroundTruth truth = new GroundTruth(sim.world());
    long now = sim.clock().nowEpochSecond();
    Set<SeenKey> expected = new HashSet<>();
    Set<String> accounts = new HashSet<>();
    for (int i : indexes) {
      expected.addAll(truth.all(i, List.of(), now));
      accounts.add(GroundTruth.account(sim.world(), i));
    }
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "two-it");
        OutputTap tap = harness.tap(accounts)) {
      CollectorService one = harness.start("i1");
      CollectorService two = harness.start("i2");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> one.ownedPartitions().size() == 3 && two.ownedPartitions().size() == 3);
      Set<Integer> all = new HashSet<>(one.ownedPartitions());
      all.addAll(two.ownedPartitions());
      assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
      // Both instances must have accounts to poll, or the split proves nothing.
      assertThat(
              accounts.stream()
                  .map(a -> CollectorTopics.partitionOf(a, Topics.ACCOUNTS.partitions())))
          .anyMatch(one.ownedPartitions()::contains)
          .anyMatch(two.ownedPartitions()::contains);

      for (int i : indexes) {
        harness.register(i, List.of());
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> new HashSet<>(tap.keys()).containsAll(expected));
      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(10))
          .until(() -> tap.keys().size() == expected.size());
      double byOne = discovered(one);
      double byTwo = discovered(two);
      assertThat(byOne).isPositive();
      assertThat(byTwo).isPositive();
      assertThat(byOne + byTwo).isEqualTo(expected.size());
      assertThat(tap.keys()).doesNotHaveDuplicates();
      assertThat(new HashSet<>(tap.keys())).isEqualTo(expected);

      // One leaves: the other takes its partitions over, reloads what was seen, emits nothing
      // again.
      two.close();
      await().atMost(Duration.ofSeconds(60)).until(() -> one.ownedPartitions().size() == 6);
      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(10))
          .until(() -> tap.keys().size() == expected.size());
      assertThat(discovered(one)).isEqualTo(byOne);
      for (int i : indexes) {
        harness.deactivate(i);
      }
    }
  }

  private static double discovered(CollectorService service) {
    return service.meters().find("igpulse.collector.discovered").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
