package io.igpulse.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.api.Json;
import io.igpulse.simulator.world.AccountMedia;
import io.igpulse.simulator.world.Burst;
import io.igpulse.simulator.world.BurstPlan;
import io.igpulse.simulator.world.World;
import io.igpulse.simulator.world.WorldSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario file: bursts to schedule. Times are absolute ({@code "2026-01-12T10:00:00Z"}) or
 * relative to the world's start ({@code "+PT2H"}).
 *
 * <pre>{"bursts":[{"hashtag":"sunset","at":"+PT1H","duration":"PT2H","multiplier":6},
 *             {"account":"travel_lab_3","at":"2026-01-12T12:00:00Z","duration":"PT30M","multiplier":4}]}
 * </pre>
 */
public final class Scenario {

  /** The name {@code --scenario} takes for {@link #demo}. */
  public static final String DEMO = "demo";

  /** The demo's hashtag burst: two simulated hours after the start, for an hour, six-fold. */
  public static final Duration DEMO_HASHTAG_AT = Duration.ofHours(2);

  /** The demo's account burst: three simulated hours after the start, for an hour, five-fold. */
  public static final Duration DEMO_ACCOUNT_AT = Duration.ofHours(3);

  public static final Duration DEMO_BURST_LENGTH = Duration.ofHours(1);

  private Scenario() {}

  /**
   * The one-command demo: a hashtag burst on the world's most used hashtag and an account burst on
   * the account with the most media the burst can lift, both a few simulated hours after the start
   * (at 60x speed, two and three real minutes), so a dashboard shows both soon.
   */
  public static List<BurstPlan> demo(WorldSpec spec) {
    World world = new World(spec, List.of());
    Instant hashtagAt = spec.start().plus(DEMO_HASHTAG_AT);
    Instant accountAt = spec.start().plus(DEMO_ACCOUNT_AT);
    long accountEnd = accountAt.plus(DEMO_BURST_LENGTH).getEpochSecond();
    int busiest = 0;
    int most = -1;
    for (int a = 0; a < world.accountCount(); a++) {
      AccountMedia schedule = world.schedule(a);
      int lifted =
          schedule.postsVisibleAt(accountEnd - 1)
              - schedule.postsVisibleAt(
                  accountAt.getEpochSecond() - Burst.REVIVES_MEDIA_YOUNGER_THAN_SEC - 1);
      if (lifted > most) {
        most = lifted;
        busiest = a;
      }
    }
    return List.of(
        // Hashtag 0 is the most popular of the catalog (popularity is Zipf-like).
        new BurstPlan(null, world.hashtags().name(0), hashtagAt, DEMO_BURST_LENGTH, 6),
        new BurstPlan(world.account(busiest).username(), null, accountAt, DEMO_BURST_LENGTH, 5));
  }

  public static List<BurstPlan> load(Path file, Instant worldStart) throws IOException {
    return parse(Files.readString(file), worldStart);
  }

  public static List<BurstPlan> parse(String json, Instant worldStart) {
    JsonNode root = Json.parse(json);
    List<BurstPlan> bursts = new ArrayList<>();
    for (JsonNode burst : root.path("bursts")) {
      String at = burst.path("at").asText("+PT0S");
      Instant start =
          at.startsWith("+") ? worldStart.plus(Duration.parse(at.substring(1))) : Instant.parse(at);
      bursts.add(
          new BurstPlan(
              burst.hasNonNull("account") ? burst.get("account").asText() : null,
              burst.hasNonNull("hashtag") ? burst.get("hashtag").asText() : null,
              start,
              Duration.parse(burst.path("duration").asText("PT1H")),
              burst.path("multiplier").asDouble(5)));
    }
    return bursts;
  }
}
