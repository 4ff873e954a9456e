package io.igpulse.testkit.simulator;

import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one simulator per JVM on loopback (in JUnit's root store, closed when the JVM's last test
 * is done) and hands it to every test that asks. Seed, accounts and speed come from the system
 * properties {@code igpulse.simulator.seed} (42), {@code igpulse.simulator.accounts} (50) and
 * {@code igpulse.simulator.speed} (0: the clock moves only when a test advances it).
 */
public final class SimulatorExtension implements BeforeAllCallback, ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatorExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Simulator simulator = simulator(context);
    LOG.info(
        "{} uses simulator: {} ({})",
        context.getRequiredTestClass().getSimpleName(),
        simulator.baseUrl(),
        simulator.config().describe());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Simulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return simulator(context);
  }

  /** The JVM's simulator, started on first use. */
  public static Simulator simulator(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("simulator", key -> start(), Simulator.class);
  }

  private static Simulator start() {
    SimulatorConfig config =
        SimulatorConfig.of(
                Long.getLong("igpulse.simulator.seed", 42L),
                Integer.getInteger("igpulse.simulator.accounts", 50))
            .withSpeed(Double.parseDouble(System.getProperty("igpulse.simulator.speed", "0")));
    Simulator simulator = Simulator.start(config);
    LOG.info("started simulator for this JVM at {}", simulator.baseUrl());
    return simulator;
  }
}
