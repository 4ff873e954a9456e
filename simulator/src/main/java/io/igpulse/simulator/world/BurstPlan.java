package io.igpulse.simulator.world;

import java.time.Duration;
import java.time.Instant;

/**
 * A burst as a scenario file states it: by username or hashtag name, resolved against the world.
 *
 * @param account a username, or null
 * @param hashtag a hashtag name without '#', or null
 * @param multiplier how many times the usual reach the concerned media gain during the window
 */
public record BurstPlan(
    String account, String hashtag, Instant at, Duration duration, double multiplier) {

  public BurstPlan {
    if (multiplier < 1) {
      throw new IllegalArgumentException(
          "a burst multiplies engagement by at least 1: " + multiplier);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a burst lasts a positive time: " + duration);
    }
  }
}
