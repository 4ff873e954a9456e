package io.igpulse.simulator.api;

import io.igpulse.simulator.api.auth.AppCredentials;
import io.igpulse.simulator.api.limits.RateLimitConfig;

/**
 * How the simulated API behaves where the world does not decide it.
 *
 * @param oldest oldest version served with its own rules (v18.0)
 * @param newest newest version known (v25.0); a newer one in the path is an unknown path
 * @param fallback version used when the path names none
 */
public record ApiSettings(
    ApiVersion oldest,
    ApiVersion newest,
    ApiVersion fallback,
    InsightRules insights,
    RateLimitConfig limits,
    AppCredentials app) {

  public static ApiSettings defaults(AppCredentials app) {
    return new ApiSettings(
        ApiVersion.V18,
        ApiVersion.V25,
        ApiVersion.V24,
        InsightRules.defaults(),
        RateLimitConfig.defaults(),
        app);
  }

  public ApiSettings withLimits(RateLimitConfig limits) {
    return new ApiSettings(oldest, newest, fallback, insights, limits, app);
  }

  public ApiSettings withInsights(InsightRules rules) {
    return new ApiSettings(oldest, newest, fallback, rules, limits, app);
  }
}
