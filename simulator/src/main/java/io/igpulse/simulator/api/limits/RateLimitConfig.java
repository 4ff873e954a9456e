package io.igpulse.simulator.api.limits;

/**
 * Budgets of the simulated rate limiter.
 *
 * @param bucCallsPerImpression BUC: calls per 24 h = this × the account's impressions (real: 4800)
 * @param bucCallsPer24h when &gt; 0, a fixed BUC budget per app–account pair instead (for tests)
 * @param appCallsPerUserPerHour platform limit: calls per hour = this × number of users (real: 200)
 * @param hashtagCallsPerUserPerHour hashtag endpoints per queried-for account and hour
 * @param tokenCallsPerHour {@code /me/accounts} and Page reads per token and hour (17 / 32)
 */
public record RateLimitConfig(
    int bucCallsPerImpression,
    long bucCallsPer24h,
    int appCallsPerUserPerHour,
    int hashtagCallsPerUserPerHour,
    int tokenCallsPerHour) {

  public static RateLimitConfig defaults() {
    return new RateLimitConfig(4800, 0, 200, 200, 200);
  }

  public RateLimitConfig withBucCallsPer24h(long calls) {
    return new RateLimitConfig(
        bucCallsPerImpression,
        calls,
        appCallsPerUserPerHour,
        hashtagCallsPerUserPerHour,
        tokenCallsPerHour);
  }

  public RateLimitConfig withHashtagCallsPerUserPerHour(int calls) {
    return new RateLimitConfig(
        bucCallsPerImpression, bucCallsPer24h, appCallsPerUserPerHour, calls, tokenCallsPerHour);
  }

  public RateLimitConfig withAppCallsPerUserPerHour(int calls) {
    return new RateLimitConfig(
        bucCallsPerImpression,
        bucCallsPer24h,
        calls,
        hashtagCallsPerUserPerHour,
        tokenCallsPerHour);
  }

  public RateLimitConfig withTokenCallsPerHour(int calls) {
    return new RateLimitConfig(
        bucCallsPerImpression,
        bucCallsPer24h,
        appCallsPerUserPerHour,
        hashtagCallsPerUserPerHour,
        calls);
  }
}
