package io.igpulse.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.api.Json;
import io.igpulse.simulator.world.BurstPlan;
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

  private Scenario() {}

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
