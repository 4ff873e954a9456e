package io.igpulse.local;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment each service of the local run is configured from: the user's own environment
 * (tokens, {@code IGPULSE_STREAMS_*} and other overrides) under the local run's choices (broker,
 * registry, Graph API, clock, ports, state directories). The services read it through their normal
 * configuration classes, so the local run has no second configuration path.
 */
final class ServiceEnvironment {

  private final Map<String, String> common;
  private final LocalConfig.Ports ports;
  private final DataDirectory data;

  /**
   * @param user the process environment
   * @param tokens access tokens by reference ({@code IGPULSE_TOKEN_<ref>}), the demo's ones
   */
  ServiceEnvironment(
      Map<String, String> user,
      String bootstrapServers,
      String registryUrl,
      String graphUrl,
      boolean simulatedClock,
      Map<String, String> tokens,
      LocalConfig.Ports ports,
      DataDirectory data) {
    this.ports = ports;
    this.data = data;
    Map<String, String> env = new HashMap<>(user);
    env.putAll(tokens);
    env.put("IGPULSE_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    env.put("IGPULSE_REGISTRY_URL", registryUrl);
    env.put("IGPULSE_GRAPH_BASE_URL", graphUrl);
    env.put("IGPULSE_CLOCK", simulatedClock ? "simulator" : "system");
    this.common = Map.copyOf(env);
  }

  Map<String, String> collector(String adminToken) {
    Map<String, String> env = new HashMap<>(common);
    env.put("IGPULSE_COLLECTOR_INSTANCE_ID", "local");
    env.put("IGPULSE_COLLECTOR_HTTP_PORT", Integer.toString(ports.collector()));
    env.put("IGPULSE_COLLECTOR_MANAGEMENT_PORT", Integer.toString(ports.collectorManagement()));
    env.put("IGPULSE_COLLECTOR_ADMIN_TOKEN", adminToken);
    return env;
  }

  Map<String, String> enricher() {
    Map<String, String> env = new HashMap<>(common);
    env.put("IGPULSE_ENRICHER_MANAGEMENT_PORT", Integer.toString(ports.enricherManagement()));
    env.put("IGPULSE_ENRICHER_STATE_DIR", data.enricherState().toString());
    // The schedule's rounds are read every tick of real time: a second keeps a 5-minute story
    // round on time when an hour passes in a minute.
    env.putIfAbsent("IGPULSE_ENRICHER_TICK", "PT1S");
    return env;
  }

  Map<String, String> aggregator() {
    Map<String, String> env = new HashMap<>(common);
    env.put("IGPULSE_AGGREGATOR_HTTP_PORT", Integer.toString(ports.aggregator()));
    env.put("IGPULSE_AGGREGATOR_MANAGEMENT_PORT", Integer.toString(ports.aggregatorManagement()));
    env.put("IGPULSE_AGGREGATOR_ADVERTISED_HOST", "127.0.0.1");
    env.put("IGPULSE_AGGREGATOR_STATE_DIR", data.aggregatorState().toString());
    return env;
  }
}
