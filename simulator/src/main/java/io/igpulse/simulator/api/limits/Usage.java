package io.igpulse.simulator.api.limits;

/**
 * One budget's use as the usage headers report it: percentages of quota (throttling at 100) and the
 * minutes until access returns.
 */
public record Usage(int callCount, int totalTime, int totalCputime, long minutesToRegain) {

  static Usage of(long used, long budget, long secondsToRegain) {
    int percent = (int) Math.min(100, budget <= 0 ? 100 : used * 100 / budget);
    return new Usage(percent, percent * 2 / 5, percent / 3, (secondsToRegain + 59) / 60);
  }
}
