package io.igpulse.simulator.api;

import io.igpulse.simulator.api.auth.AppCredentials;
import io.igpulse.simulator.api.limits.RateLimitConfig;

/**
 * How the simulated API behaves where the world does not decide it.
 *
 * @param oldest oldest live version (v21.0 at the end of 2026: v20 expired on 2026-09-24); an older
 *     one in the path is served as this one
 * @param newest newest version released (v27.0, 2026-11-04); a newer one in the path is an unknown
 *     path
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
        ApiVersion.V21,
        ApiVersion.V27,
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
