package io.igpulse.simulator.api;

/** Parsing of the {@code limit} parameter. */
final class Limits {

  private Limits() {}

  /** The page size asked for, clamped to [1, max]; {@code fallback} when absent. */
  static int pageSize(String limit, int fallback, int max) {
    if (limit == null || limit.isEmpty()) {
      return fallback;
    }
    try {
      return Math.max(1, Math.min(max, Integer.parseInt(limit)));
    } catch (NumberFormatException e) {
      throw GraphErrors.invalidParameter("Param limit must be an integer").exception();
    }
  }
}
