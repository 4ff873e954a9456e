package io.igpulse.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the simulator stand-alone: parse arguments, start, announce, stop on shutdown. */
public final class SimulatorMain {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorMain.class);

  private SimulatorMain() {}

  public static void main(String[] args) {
    Simulator simulator;
    try {
      SimulatorConfig config = SimulatorArgs.parse(args);
      LOG.info("starting simulator: {}", config.describe());
      simulator = Simulator.start(config);
    } catch (Exception e) {
      LOG.error("simulator failed to start", e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
    // The ready line is the contract with scripts that wait for it: stdout, exactly this text.
    System.out.println("simulator listening on " + simulator.baseUrl());
    System.out.flush();
  }
}
