package io.igpulse.simulator;

import io.igpulse.simulator.api.auth.AppCredentials;
import io.igpulse.simulator.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Command line of the stand-alone simulator: {@code --port 0 --seed 42 --accounts 50 --speed 60
 * [--media-per-account 60] [--scenario file|demo] [--require-appsecret-proof] [--host 127.0.0.1]}.
 */
final class SimulatorArgs {

  private SimulatorArgs() {}

  static SimulatorConfig parse(String[] args) throws IOException {
    int port = 0;
    long seed = 42;
    int accounts = 50;
    double speed = 1;
    int media = -1;
    String scenario = null;
    boolean proof = false;
    String host = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, arg));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
        case "--accounts" -> accounts = Integer.parseInt(value(args, ++i, arg));
        case "--speed" -> speed = Double.parseDouble(value(args, ++i, arg));
        case "--media-per-account" -> media = Integer.parseInt(value(args, ++i, arg));
        case "--scenario" -> scenario = value(args, ++i, arg);
        case "--require-appsecret-proof" -> proof = true;
        case "--host" -> host = value(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    SimulatorConfig config = SimulatorConfig.of(seed, accounts).withPort(port).withSpeed(speed);
    if (host != null) {
      config = config.withHost(host);
    }
    if (media > 0) {
      config = config.withWorld(config.world().withMediaPerAccount(media));
    }
    if (proof) {
      var app = config.api().app();
      config = config.withApp(new AppCredentials(app.appId(), app.appSecret(), true));
    }
    if (Scenario.DEMO.equals(scenario)) {
      config = config.withBursts(Scenario.demo(config.world()));
    } else if (scenario != null) {
      config = config.withBursts(Scenario.load(Path.of(scenario), config.world().start()));
    }
    return config;
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }
}
