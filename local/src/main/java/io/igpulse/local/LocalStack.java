package io.igpulse.local;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.service.AggregatorService;
import io.igpulse.collector.config.CollectorConfig;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.enricher.config.EnricherConfig;
import io.igpulse.enricher.service.EnricherService;
import io.igpulse.registry.EmbeddedRegistry;
import io.igpulse.runtime.Service;
import io.igpulse.runtime.kafka.ClientSettings;
import io.igpulse.runtime.kafka.TopicBootstrap;
import io.igpulse.schemas.serde.RegistryConfig;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.micrometer.core.instrument.Gauge;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process: a KRaft broker, a registry, the simulator (or the real Graph
 * API), and the collector, enricher and aggregator built from their own configuration classes.
 * Started in dependency order and closed in the reverse order; the data directory keeps everything
 * a restart needs.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
  private static final Duration SERVICE_START = Duration.ofMinutes(2);

  private final LocalConfig config;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private DataDirectory data;
  private LocalBroker broker;
  private String registryUrl;
  private Optional<DemoWorld> demo = Optional.empty();
  private String adminToken;
  private CollectorService collector;
  private EnricherService enricher;
  private AggregatorService aggregator;

  private LocalStack(LocalConfig config) {
    this.config = config;
  }

  /**
   * Starts everything; on any failure closes what had started and throws ({@link SetupException}
   * for a setup the user must change).
   *
   * @param userEnv the process environment (tokens and overrides for the services)
   * @param say one line for the console per step
   */
  public static LocalStack start(
      LocalConfig config, Map<String, String> userEnv, Consumer<String> say) {
    LocalStack stack = new LocalStack(config);
    try {
      stack.startAll(userEnv, say);
      return stack;
    } catch (RuntimeException | Error e) {
      stack.close();
      throw e;
    } catch (Exception e) {
      stack.close();
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private void startAll(Map<String, String> userEnv, Consumer<String> say) throws Exception {
    data = DataDirectory.open(config.dataDir());
    started.push(data);
    PortCheck.requireFree(portsToOpen());
    adminToken = AdminToken.readOrCreate(data.adminToken());

    broker = LocalBroker.start(data.kafka(), config.ports().kafka(), config.ports().controller());
    started.push(broker);
    // The local broker listens on loopback without security: no client overrides to carry.
    TopicBootstrap.ensure(
        ClientSettings.admin(broker.bootstrapServers(), "local-topics"), List.copyOf(Topics.all()));
    say.accept("kafka      " + broker.bootstrapServers() + " (data in " + data.kafka() + ")");

    if (config.registryUrl().isPresent()) {
      registryUrl = config.registryUrl().get();
    } else {
      EmbeddedRegistry registry =
          EmbeddedRegistry.start(
              "127.0.0.1", config.ports().registry(), Optional.of(data.registry()));
      started.push(registry);
      registryUrl = registry.baseUrl();
    }
    say.accept("registry   " + registryUrl);

    String graphUrl;
    Map<String, String> tokens;
    if (config.simulated()) {
      DemoWorld world =
          DemoWorld.start(config.demo(), config.ports().simulator(), data.simulatorClock());
      started.push(world);
      demo = Optional.of(world);
      graphUrl = world.simulator().baseUrl();
      tokens = world.accounts().tokenVariables();
      say.accept(
          "simulator  "
              + graphUrl
              + " ("
              + config.demo().accounts()
              + " accounts, "
              + world.accounts().size()
              + " followed, clock "
              + world.simulator().clock().now()
              + " at "
              + config.demo().speed()
              + "x)");
    } else {
      graphUrl = config.graphUrl().get();
      tokens = Map.of();
      say.accept("graph api  " + graphUrl + " (tokens from IGPULSE_TOKEN_* / IGPULSE_TOKENS_FILE)");
    }

    ServiceEnvironment env =
        new ServiceEnvironment(
            userEnv,
            broker.bootstrapServers(),
            registryUrl,
            graphUrl,
            config.simulated(),
            tokens,
            config.ports(),
            data);
    collector =
        startService(
            new CollectorService(
                CollectorConfig.fromEnv(env.collector(adminToken)), env.collector(adminToken)));
    say.accept("collector  started");
    Map<String, String> enricherEnv = env.enricher();
    enricher = startService(new EnricherService(EnricherConfig.fromEnv(enricherEnv), enricherEnv));
    say.accept("enricher   started");
    AggregatorConfig aggregatorConfig = AggregatorConfig.fromEnv(env.aggregator());
    aggregator =
        startService(new AggregatorService(aggregatorConfig, aggregatorConfig.clock().clock()));
    say.accept("aggregator started");

    if (demo.isPresent()) {
      DemoWorld world = demo.get();
      // Time runs from here: the services are up, and the collector's timers are set while it runs.
      world.run();
      world
          .accounts()
          .register(
              broker.bootstrapServers(),
              RegistryConfig.of(registryUrl),
              world.simulator().clock().asJavaClock());
    }
  }

  private <S extends Service> S startService(S service) throws Exception {
    started.push(service);
    service
        .start()
        .toCompletionStage()
        .toCompletableFuture()
        .get(SERVICE_START.toMillis(), TimeUnit.MILLISECONDS);
    return service;
  }

  /** Ports this run opens, by the flag that changes each. */
  private Map<String, Integer> portsToOpen() {
    Map<String, Integer> ports = new LinkedHashMap<>(config.ports().byFlag());
    if (config.registryUrl().isPresent()) {
      ports.remove("registry-port");
    }
    if (!config.simulated()) {
      ports.remove("simulator-port");
    }
    return ports;
  }

  public LocalConfig config() {
    return config;
  }

  public DataDirectory data() {
    return data;
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registryUrl;
  }

  /** The accounts a demo run follows; empty against the real Graph API. */
  public List<String> demoAccountIds() {
    return demo.map(w -> w.accounts().ids()).orElse(List.of());
  }

  public Optional<Simulator> simulator() {
    return demo.map(DemoWorld::simulator);
  }

  public CollectorService collector() {
    return collector;
  }

  public EnricherService enricher() {
    return enricher;
  }

  public AggregatorService aggregator() {
    return aggregator;
  }

  /** The pipeline's time: the simulator's in a demo, else the system's. */
  public Clock clock() {
    return demo.map(w -> w.simulator().clock().asJavaClock()).orElse(Clock.systemUTC());
  }

  /** Accounts the collector polls now (its own gauge). */
  public long followedAccounts() {
    Gauge owned = collector.meters().find("igpulse.collector.accounts.owned").gauge();
    return owned == null ? 0 : (long) owned.value();
  }

  /** Saves the simulated time of a demo, so a restart after a crash loses little of it. */
  public void saveTime() {
    demo.ifPresent(DemoWorld::saveTime);
  }

  public String adminToken() {
    return adminToken;
  }

  public String aggregatorUrl() {
    return "http://127.0.0.1:" + config.ports().aggregator();
  }

  public String collectorUrl() {
    return "http://127.0.0.1:" + config.ports().collector();
  }

  /** Closes everything that started, in the reverse order; never throws. */
  @Override
  public void close() {
    // A demo's world pauses first: nothing may happen in it while the services are stopping.
    demo.ifPresent(DemoWorld::pause);
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("Closing {} failed: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
