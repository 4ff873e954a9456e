package io.igpulse.simulator.control;

import io.igpulse.simulator.api.Endpoint;

/**
 * One fault to inject: on an endpoint (null for all), either with a probability per call or for the
 * next {@code count} matching calls.
 *
 * @param rate probability per matching call (used when count is 0)
 * @param count number of matching calls to hit; 0 to use the rate
 * @param delayMs added latency, or the pause between body pieces for SLOW_BODY
 * @param code for GRAPH_ERROR: the error code to answer (0 otherwise)
 * @param subcode for GRAPH_ERROR: the error subcode, or null
 */
public record FaultRule(
    int id,
    FaultKind kind,
    Endpoint endpoint,
    double rate,
    int count,
    long delayMs,
    int code,
    Integer subcode) {

  public FaultRule(
      int id, FaultKind kind, Endpoint endpoint, double rate, int count, long delayMs) {
    this(id, kind, endpoint, rate, count, delayMs, 0, null);
  }

  public boolean matches(Endpoint e) {
    return endpoint == null || endpoint == e;
  }
}
