package io.igpulse.enricher.service;

import io.igpulse.simulator.Simulator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The in-JVM simulator's clock as a {@link Clock}: the enricher's "now" in ITs. */
final class SimulatedClock extends Clock {

  private final Simulator simulator;

  SimulatedClock(Simulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public Instant instant() {
    return simulator.clock().now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
