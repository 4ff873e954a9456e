package io.igpulse.simulator.world;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything the world is generated from. Two worlds built from equal specs are identical, which is
 * what makes the simulator deterministic.
 *
 * @param seed the one source of randomness
 * @param accounts number of Instagram accounts (each linked to one Facebook Page)
 * @param mediaPerAccount average number of feed media (posts, carousels, reels) per account
 * @param storiesPerDay average stories an account posts per day
 * @param start simulated time when the world begins; media are spread before and after it
 * @param history how far back the accounts' posting goes
 * @param horizon how far ahead posting is scheduled (no new media appear after start + horizon)
 * @param hashtags number of hashtags in the world's catalog
 */
public record WorldSpec(
    long seed,
    int accounts,
    int mediaPerAccount,
    double storiesPerDay,
    Instant start,
    Duration history,
    Duration horizon,
    int hashtags) {

  public static final Instant DEFAULT_START = Instant.parse("2026-01-12T08:00:00Z");

  public WorldSpec {
    if (accounts < 1 || accounts > 1_000_000) {
      throw new IllegalArgumentException("accounts must be 1..1000000: " + accounts);
    }
    if (mediaPerAccount < 1 || mediaPerAccount > 30_000) {
      throw new IllegalArgumentException("mediaPerAccount must be 1..30000: " + mediaPerAccount);
    }
    if (hashtags < 1 || hashtags > 30_000) {
      throw new IllegalArgumentException("hashtags must be 1..30000: " + hashtags);
    }
  }

  public static WorldSpec of(long seed, int accounts) {
    return new WorldSpec(
        seed, accounts, 60, 1.5, DEFAULT_START, Duration.ofDays(730), Duration.ofDays(14), 200);
  }

  public WorldSpec withMediaPerAccount(int media) {
    return new WorldSpec(seed, accounts, media, storiesPerDay, start, history, horizon, hashtags);
  }

  public WorldSpec withStart(Instant at) {
    return new WorldSpec(
        seed, accounts, mediaPerAccount, storiesPerDay, at, history, horizon, hashtags);
  }
}
