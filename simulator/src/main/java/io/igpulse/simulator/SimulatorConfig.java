package io.igpulse.simulator;

import io.igpulse.simulator.api.ApiSettings;
import io.igpulse.simulator.api.InsightRules;
import io.igpulse.simulator.api.auth.AppCredentials;
import io.igpulse.simulator.api.limits.RateLimitConfig;
import io.igpulse.simulator.webhook.StoryInsightsFields;
import io.igpulse.simulator.world.BurstPlan;
import io.igpulse.simulator.world.WorldSpec;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything a simulator is started from. Equal configs (and the same calls at the same simulated
 * instants) give byte-identical answers.
 *
 * @param host the interface to listen on; loopback by default and by intent
 * @param port 0 for any free port
 * @param speed simulated seconds per real second; 0 freezes the clock (it then moves only by hand)
 * @param bursts scheduled engagement jumps (usually from a scenario file)
 */
public record SimulatorConfig(
    String host,
    int port,
    WorldSpec world,
    double speed,
    ApiSettings api,
    List<BurstPlan> bursts,
    StoryInsightsFields storyInsightsFields) {

  public static final String LOOPBACK = "127.0.0.1";

  /** A loopback simulator with {@code accounts} accounts, a frozen clock and default rules. */
  public static SimulatorConfig of(long seed, int accounts) {
    String secret = HexFormat.of().toHexDigits(seed * 31 + 7) + "5ec7e7";
    return new SimulatorConfig(
        LOOPBACK,
        0,
        WorldSpec.of(seed, accounts),
        0,
        ApiSettings.defaults(
            new AppCredentials(
                Long.toString(1_000_000_000L + Math.floorMod(seed, 1_000_000_000L)),
                secret,
                false)),
        List.of(),
        StoryInsightsFields.LEGACY);
  }

  /**
   * Another interface, e.g. {@code 0.0.0.0} inside a container that other containers must reach.
   */
  public SimulatorConfig withHost(String h) {
    return new SimulatorConfig(h, port, world, speed, api, bursts, storyInsightsFields);
  }

  public SimulatorConfig withPort(int p) {
    return new SimulatorConfig(host, p, world, speed, api, bursts, storyInsightsFields);
  }

  public SimulatorConfig withWorld(WorldSpec w) {
    return new SimulatorConfig(host, port, w, speed, api, bursts, storyInsightsFields);
  }

  public SimulatorConfig withSpeed(double s) {
    return new SimulatorConfig(host, port, world, s, api, bursts, storyInsightsFields);
  }

  public SimulatorConfig withBursts(List<BurstPlan> b) {
    return new SimulatorConfig(host, port, world, speed, api, List.copyOf(b), storyInsightsFields);
  }

  public SimulatorConfig withLimits(RateLimitConfig limits) {
    return new SimulatorConfig(
        host, port, world, speed, api.withLimits(limits), bursts, storyInsightsFields);
  }

  public SimulatorConfig withInsightRules(InsightRules rules) {
    return new SimulatorConfig(
        host, port, world, speed, api.withInsights(rules), bursts, storyInsightsFields);
  }

  public SimulatorConfig withApp(AppCredentials app) {
    ApiSettings settings =
        new ApiSettings(
            api.oldest(), api.newest(), api.fallback(), api.insights(), api.limits(), app);
    return new SimulatorConfig(host, port, world, speed, settings, bursts, storyInsightsFields);
  }

  public SimulatorConfig withStoryInsightsFields(StoryInsightsFields fields) {
    return new SimulatorConfig(host, port, world, speed, api, bursts, fields);
  }

  /** For the start-up log line: no secrets. */
  public String describe() {
    return "seed="
        + world.seed()
        + " accounts="
        + world.accounts()
        + " mediaPerAccount="
        + world.mediaPerAccount()
        + " start="
        + world.start()
        + " speed="
        + speed
        + " bursts="
        + bursts.size()
        + " appsecretProofRequired="
        + api.app().requireAppsecretProof();
  }
}
