package io.igpulse.enricher.config;

import io.igpulse.enricher.schedule.Cadence;

/**
 * How the media igpulse does not own are followed through their public counters.
 *
 * @param cadence the public cadence: the feed cadence's shape, coarser (likes and comments only)
 * @param callsPerHour each account's public-counter budget, a share of its call budget
 * @param hashtagCallsPerHour each account's share of the API's 200 hashtag-endpoint calls per hour
 *     (the rest is the collector's, which lists top and recent media of every tracked hashtag)
 * @param maxListed media read at most from one tags or hashtag listing
 */
public record PublicCounterConfig(
    Cadence cadence, int callsPerHour, int hashtagCallsPerHour, int maxListed) {

  /** Hourly to 6 h, every 3 h to 2 days, twice a day to 7 days, daily to 30 days. */
  public static final String DEFAULT_CADENCE = "PT6H/PT1H,P2D/PT3H,P7D/PT12H,P30D/P1D";

  /** The API's limit on hashtag endpoints per user_id account and hour. */
  public static final int HASHTAG_CALLS_PER_HOUR_LIMIT = 200;

  public PublicCounterConfig {
    if (callsPerHour < 1 || hashtagCallsPerHour < 1 || maxListed < 1) {
      throw new IllegalArgumentException(
          "public-counter calls per hour, hashtag calls per hour and max listed must be >= 1");
    }
    if (hashtagCallsPerHour > HASHTAG_CALLS_PER_HOUR_LIMIT) {
      throw new IllegalArgumentException(
          "IGPULSE_ENRICHER_PUBLIC_HASHTAG_CALLS_PER_HOUR must be <= "
              + HASHTAG_CALLS_PER_HOUR_LIMIT
              + " (the API's hashtag limit per account and hour)");
    }
  }

  /** A quarter of the account's budget, 60 hashtag calls per hour, 500 media per listing. */
  public static PublicCounterConfig defaults(int accountCallsPerHour) {
    return new PublicCounterConfig(
        Cadence.parse(DEFAULT_CADENCE, "PT5M", "PT2M"),
        Math.max(1, accountCallsPerHour / 4),
        60,
        500);
  }
}
