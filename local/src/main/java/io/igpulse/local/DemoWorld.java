package io.igpulse.local;

import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.scenario.Scenario;
import io.igpulse.simulator.world.BurstPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The simulated Instagram of a demo run: the simulator with the demo scenario (a hashtag burst and
 * an account burst), its clock frozen until {@link #run()} and then at the configured speed, and
 * the accounts the run follows. The simulated time is saved in the data directory and set again at
 * the next start, so a restart continues the same simulated day instead of going back to the
 * world's first morning.
 */
final class DemoWorld implements AutoCloseable {

  private final Simulator simulator;
  private final DemoAccounts accounts;
  private final Path clockFile;

  private final double speed;

  private DemoWorld(Simulator simulator, DemoAccounts accounts, Path clockFile, double speed) {
    this.simulator = simulator;
    this.accounts = accounts;
    this.clockFile = clockFile;
    this.speed = speed;
  }

  /**
   * Lets simulated time run. The world starts frozen, so that nothing happens in it (a post, a
   * burst) before the services are up to see it.
   */
  void run() {
    simulator.clock().setSpeed(speed);
  }

  /** Stops simulated time, so that nothing happens in the world while the services stop. */
  void pause() {
    simulator.clock().setSpeed(0);
  }

  static DemoWorld start(LocalConfig.Demo demo, int port, Path clockFile) {
    SimulatorConfig base = SimulatorConfig.of(demo.seed(), demo.accounts()).withPort(port);
    List<BurstPlan> bursts = Scenario.demo(base.world());
    Simulator simulator = Simulator.start(base.withBursts(bursts).withSpeed(0));
    savedTime(clockFile).ifPresent(simulator.clock()::set);
    return new DemoWorld(
        simulator,
        DemoAccounts.of(simulator.world(), demo.followed(), bursts),
        clockFile,
        demo.speed());
  }

  Simulator simulator() {
    return simulator;
  }

  DemoAccounts accounts() {
    return accounts;
  }

  /** Writes the simulated time now (atomically: a crash leaves the previous value). */
  void saveTime() {
    try {
      Path tmp = clockFile.resolveSibling(clockFile.getFileName() + ".tmp");
      Files.writeString(tmp, simulator.clock().now().toString() + "\n", StandardCharsets.UTF_8);
      Files.move(
          tmp, clockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the simulated time to " + clockFile, e);
    }
  }

  private static Optional<Instant> savedTime(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(Files.readString(file, StandardCharsets.UTF_8).trim()));
    } catch (IOException | DateTimeParseException e) {
      throw new SetupException(
          "cannot read the saved simulated time in "
              + file
              + " ("
              + e.getMessage()
              + "): delete the file to start the world anew");
    }
  }

  @Override
  public void close() {
    saveTime();
    simulator.close();
  }
}
