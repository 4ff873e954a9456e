package io.igpulse.simulator.api;

import io.igpulse.simulator.api.limits.Usage;

/** The two usage headers, with members in the order the real API writes them. */
final class UsageHeaders {

  private UsageHeaders() {}

  static String appUsage(Usage usage) {
    return "{\"call_count\":"
        + usage.callCount()
        + ",\"total_time\":"
        + usage.totalTime()
        + ",\"total_cputime\":"
        + usage.totalCputime()
        + "}";
  }

  /** For calls that concern no Instagram account (hashtags, Pages, tokens). */
  static String noBusinessUseCase() {
    return "{}";
  }

  static String businessUseCase(long businessId, Usage usage) {
    return "{\""
        + businessId
        + "\":[{\"type\":\"instagram\""
        + ",\"call_count\":"
        + usage.callCount()
        + ",\"total_cputime\":"
        + usage.totalCputime()
        + ",\"total_time\":"
        + usage.totalTime()
        + ",\"estimated_time_to_regain_access\":"
        + usage.minutesToRegain()
        + "}]}";
  }
}
