package io.igpulse.local;

import io.igpulse.runtime.config.ConfigDescription;
import io.igpulse.runtime.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the one-command local run is told: where its data lives, its ports, and whether it talks to
 * the simulator (default) or the real Graph API. Each value comes from a flag ({@code
 * --kafka-port=9192}) or its variable ({@code IGPULSE_LOCAL_KAFKA_PORT}); the flag wins.
 *
 * @param registryUrl a real Apicurio Registry; empty = the embedded one, persisted in the data dir
 * @param graphUrl the real Graph API base URL; empty = the simulator
 */
public record LocalConfig(
    Path dataDir,
    Ports ports,
    Optional<String> registryUrl,
    Optional<String> graphUrl,
    Demo demo,
    int progressSeconds) {

  /** Every port the stack listens on, all on 127.0.0.1; each has a flag of the same name. */
  public record Ports(
      int kafka,
      int controller,
      int registry,
      int simulator,
      int collector,
      int collectorManagement,
      int enricherManagement,
      int aggregator,
      int aggregatorManagement) {

    /** Port by flag name, in start order, for the port-in-use check and the start banner. */
    public Map<String, Integer> byFlag() {
      Map<String, Integer> all = new LinkedHashMap<>();
      all.put("kafka-port", kafka);
      all.put("controller-port", controller);
      all.put("registry-port", registry);
      all.put("simulator-port", simulator);
      all.put("collector-port", collector);
      all.put("collector-management-port", collectorManagement);
      all.put("enricher-management-port", enricherManagement);
      all.put("aggregator-port", aggregator);
      all.put("aggregator-management-port", aggregatorManagement);
      return all;
    }
  }

  /**
   * The simulated world of a demo run.
   *
   * @param accounts Instagram accounts in the simulated world
   * @param followed how many of them igpulse follows
   * @param speed simulated seconds per real second (60: an hour a minute)
   */
  public record Demo(long seed, int accounts, int followed, double speed) {
    public Demo {
      if (accounts < 2 || followed < 1 || followed > accounts) {
        throw new IllegalArgumentException(
            "IGPULSE_LOCAL_FOLLOWED must be between 1 and IGPULSE_LOCAL_ACCOUNTS (at least 2)");
      }
      if (!(speed > 0) || speed > 3600) {
        throw new IllegalArgumentException("IGPULSE_LOCAL_SPEED must be above 0 and at most 3600");
      }
    }
  }

  public boolean simulated() {
    return graphUrl.isEmpty();
  }

  /** From flags over the environment. */
  public static LocalConfig from(List<String> args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>(env);
    values.putAll(Flags.parse(args));
    Settings s = Settings.of(values);
    return new LocalConfig(
        Path.of(s.string("IGPULSE_LOCAL_DATA_DIR", "igpulse-data")),
        new Ports(
            s.integer("IGPULSE_LOCAL_KAFKA_PORT", 9092),
            s.integer("IGPULSE_LOCAL_CONTROLLER_PORT", 9093),
            s.integer("IGPULSE_LOCAL_REGISTRY_PORT", 8081),
            s.integer("IGPULSE_LOCAL_SIMULATOR_PORT", 8090),
            s.integer("IGPULSE_LOCAL_COLLECTOR_PORT", 8084),
            s.integer("IGPULSE_LOCAL_COLLECTOR_MANAGEMENT_PORT", 9084),
            s.integer("IGPULSE_LOCAL_ENRICHER_MANAGEMENT_PORT", 9085),
            s.integer("IGPULSE_LOCAL_AGGREGATOR_PORT", 8083),
            s.integer("IGPULSE_LOCAL_AGGREGATOR_MANAGEMENT_PORT", 9083)),
        Optional.ofNullable(s.string("IGPULSE_REGISTRY_URL", null)).filter(u -> !u.isBlank()),
        Optional.ofNullable(s.string("IGPULSE_GRAPH_BASE_URL", null)).filter(u -> !u.isBlank()),
        new Demo(
            s.integer("IGPULSE_LOCAL_SEED", 42),
            s.integer("IGPULSE_LOCAL_ACCOUNTS", 40),
            s.integer("IGPULSE_LOCAL_FOLLOWED", 12),
            s.decimal("IGPULSE_LOCAL_SPEED", 60)),
        s.integer("IGPULSE_LOCAL_PROGRESS_SECONDS", 5));
  }

  public String describe() {
    return new ConfigDescription()
        .add("dataDir", dataDir.toAbsolutePath())
        .add("ports", ports)
        .add("registry", registryUrl.orElse("embedded"))
        .add("graph", graphUrl.orElse("simulator"))
        .add("demo", simulated() ? demo : "<real Graph API>")
        .toString();
  }

  /** {@code --kafka-port=9192} or {@code --kafka-port 9192} → {@code IGPULSE_LOCAL_KAFKA_PORT}. */
  static final class Flags {
    private Flags() {}

    static Map<String, String> parse(List<String> args) {
      Map<String, String> out = new LinkedHashMap<>();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (!arg.startsWith("--") || arg.length() < 3) {
          throw new IllegalArgumentException(
              "unexpected argument '" + arg + "': options are --name=value (see --help)");
        }
        String name;
        String value;
        int eq = arg.indexOf('=');
        if (eq > 0) {
          name = arg.substring(2, eq);
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.size()) {
          name = arg.substring(2);
          value = args.get(++i);
        } else {
          throw new IllegalArgumentException("option --" + arg.substring(2) + " needs a value");
        }
        out.put(variable(name), value);
      }
      return out;
    }

    /** The variable a flag sets: the registry and Graph API URLs keep the services' names. */
    static String variable(String flag) {
      return switch (flag) {
        case "registry-url" -> "IGPULSE_REGISTRY_URL";
        case "graph-url" -> "IGPULSE_GRAPH_BASE_URL";
        default -> "IGPULSE_LOCAL_" + flag.toUpperCase(Locale.ROOT).replace('-', '_');
      };
    }
  }
}
