package io.igpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.simulator.scenario.Scenario;
import io.igpulse.simulator.world.BurstPlan;
import io.igpulse.simulator.world.GroundTruth;
import io.igpulse.simulator.world.World;
import io.igpulse.simulator.world.WorldSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {

  @Test
  void shouldScheduleAHashtagBurstThenAnAccountBurstThatTopTheirTrendsWhileTheyLast()
      throws Exception {
    SimulatorConfig config =
        SimulatorArgs.parse(new String[] {"--scenario", "demo", "--accounts", "36"});
    WorldSpec spec = config.world();
    List<BurstPlan> bursts = config.bursts();
    World world = new World(spec, bursts);
    long start = spec.start().getEpochSecond();

    assertThat(bursts).hasSize(2);
    assertThat(bursts.get(0).hashtag()).isEqualTo(world.hashtags().name(0));
    assertThat(bursts.get(0).at()).isEqualTo(spec.start().plus(Scenario.DEMO_HASHTAG_AT));
    int burstAccount = world.accountByUsername(bursts.get(1).account());
    assertThat(burstAccount).isBetween(0, 35);
    assertThat(bursts.get(1).at()).isEqualTo(spec.start().plus(Scenario.DEMO_ACCOUNT_AT));

    GroundTruth truth = new GroundTruth(world);
    GroundTruth.Trends duringHashtag = truth.trends(start + 7_200, start + 10_800, 3);
    GroundTruth.Trends duringAccount = truth.trends(start + 10_800, start + 14_400, 3);
    GroundTruth.Trends before = truth.trends(start, start + 3_600, 3);
    assertThat(duringHashtag.hashtags().get(0).index()).isZero();
    assertThat(duringHashtag.hashtags().get(0).engagement())
        .isGreaterThan(5 * before.hashtags().get(0).engagement());
    assertThat(duringAccount.accounts().get(0).index()).isEqualTo(burstAccount);
  }

  @Test
  void shouldBeTheSameDemoForTheSameWorld() {
    WorldSpec spec = WorldSpec.of(7, 24);

    assertThat(Scenario.demo(spec)).isEqualTo(Scenario.demo(spec));
  }
}
