package io.igpulse.collector.config;

import io.igpulse.collector.discovery.Schedule;
import io.igpulse.collector.discovery.SeenExpiry;
import io.igpulse.graphapi.GraphApiConfig;
import io.igpulse.runtime.clock.ServiceClock;
import io.igpulse.runtime.config.ConfigDescription;
import io.igpulse.runtime.config.Settings;
import io.igpulse.runtime.kafka.ClientSettings;
import io.igpulse.schemas.serde.RegistryConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the collector is configured with, parsed once (see README, "Configuration"). Kafka
 * client settings pass straight through: {@code IGPULSE_PRODUCER_LINGER_MS=5} becomes {@code
 * linger.ms=5}; the correctness settings (idempotence, acks, transactions, read_committed) cannot
 * be overridden.
 *
 * @param instanceId names this instance's transactional producer: a restarted instance with the
 *     same id fences its predecessor's unfinished transaction at once
 * @param appSecret the Meta app secret: signs webhooks (and, when the Graph config has it, calls)
 * @param adminAuth how admin API callers are checked: a bearer token unless explicitly disabled
 * @param bindAddress where the HTTP (webhooks, admin) and management ports listen; loopback unless
 *     set
 * @param httpWork how many webhook and admin requests run and wait at once
 * @param seenExpiry how long after its discovery a story's or recent hashtag media's seen marker is
 *     kept
 * @param seenSweepInterval how often markers past their expiry are dropped
 * @param tokensFile optional properties file {@code <token_ref>=<token>}; {@code
 *     IGPULSE_TOKEN_<ref>} variables win over it
 */
public record CollectorConfig(
    String bootstrapServers,
    String groupId,
    String instanceId,
    RegistryConfig registry,
    GraphApiConfig graph,
    Schedule schedule,
    int httpPort,
    int managementPort,
    String seenTopic,
    SeenExpiry seenExpiry,
    Duration seenSweepInterval,
    String webhookTopic,
    Optional<String> appSecret,
    Optional<String> webhookVerifyToken,
    AdminAuth adminAuth,
    String bindAddress,
    HttpWork httpWork,
    Optional<String> tokensFile,
    Map<String, String> producerOverrides,
    Map<String, String> consumerOverrides,
    ServiceClock clock) {

  public static final String PRODUCER_PREFIX = "IGPULSE_PRODUCER_";
  public static final String CONSUMER_PREFIX = "IGPULSE_CONSUMER_";

  public CollectorConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    producerOverrides = Map.copyOf(producerOverrides);
    consumerOverrides = Map.copyOf(consumerOverrides);
    appSecret = appSecret.filter(s -> !s.isBlank());
    webhookVerifyToken = webhookVerifyToken.filter(s -> !s.isBlank());
    Objects.requireNonNull(adminAuth, "adminAuth");
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(httpWork, "httpWork");
    if (seenSweepInterval.toMillis() < 1) { // a Vert.x timer's resolution
      throw new IllegalArgumentException(
          "IGPULSE_COLLECTOR_SEEN_SWEEP_INTERVAL must be at least 1 ms: " + seenSweepInterval);
    }
  }

  public static CollectorConfig fromEnv(Map<String, String> env) {
    Settings s = Settings.load(env);
    Map<String, String> all = s.asMap();
    return new CollectorConfig(
        s.required("IGPULSE_KAFKA_BOOTSTRAP_SERVERS"),
        s.string("IGPULSE_COLLECTOR_GROUP_ID", "igpulse-collector"),
        s.string("IGPULSE_COLLECTOR_INSTANCE_ID", hostname()),
        RegistryConfig.fromEnv(all),
        GraphApiConfig.fromEnv(all),
        Schedule.from(s),
        s.integer("IGPULSE_COLLECTOR_HTTP_PORT", 8084),
        s.integer("IGPULSE_COLLECTOR_MANAGEMENT_PORT", 9084),
        s.string("IGPULSE_COLLECTOR_SEEN_TOPIC", "igpulse.collector.seen"),
        new SeenExpiry(s.duration("IGPULSE_COLLECTOR_SEEN_EXPIRY", SeenExpiry.DEFAULT)),
        s.duration("IGPULSE_COLLECTOR_SEEN_SWEEP_INTERVAL", Duration.ofMinutes(10)),
        s.string("IGPULSE_COLLECTOR_WEBHOOK_TOPIC", "igpulse.collector.webhooks"),
        Optional.ofNullable(
            s.string("IGPULSE_COLLECTOR_APP_SECRET", s.string("IGPULSE_GRAPH_APP_SECRET", null))),
        Optional.ofNullable(s.string("IGPULSE_COLLECTOR_WEBHOOK_VERIFY_TOKEN", null)),
        AdminAuth.parse(
            s.string(AdminAuth.MODE_VARIABLE, null), s.string(AdminAuth.TOKEN_VARIABLE, null)),
        s.bindAddress("IGPULSE_COLLECTOR_BIND_ADDRESS"),
        HttpWork.from(s),
        Optional.ofNullable(s.string("IGPULSE_TOKENS_FILE", null)),
        s.passThrough(PRODUCER_PREFIX),
        s.passThrough(CONSUMER_PREFIX),
        ServiceClock.from(s));
  }

  /**
   * The admin client's settings (topic checks): the security and connection overrides of the
   * producers and of the consumers apply to it too.
   */
  public Map<String, Object> adminClient() {
    return ClientSettings.admin(
        bootstrapServers, "collector-admin-" + instanceId, producerOverrides, consumerOverrides);
  }

  /** The transactional id: stable per instance, unique in the group. */
  public String transactionalId() {
    return groupId + "-" + instanceId;
  }

  public CollectorConfig withInstanceId(String id) {
    return new CollectorConfig(
        bootstrapServers,
        groupId,
        id,
        registry,
        graph,
        schedule,
        httpPort,
        managementPort,
        seenTopic,
        seenExpiry,
        seenSweepInterval,
        webhookTopic,
        appSecret,
        webhookVerifyToken,
        adminAuth,
        bindAddress,
        httpWork,
        tokensFile,
        producerOverrides,
        consumerOverrides,
        clock);
  }

  /** The resolved configuration as one log line, secrets shown only as set or unset. */
  public String describe() {
    return new ConfigDescription()
        .add("bootstrap", bootstrapServers)
        .add("group", groupId)
        .add("instance", instanceId)
        .add("registry", registry.url())
        .add("graph", graph)
        .add("schedule", schedule)
        .add("http", httpPort)
        .add("management", managementPort)
        .add("seenTopic", seenTopic)
        .add("seenExpiry", seenExpiry.afterDiscovery())
        .add("seenSweepInterval", seenSweepInterval)
        .add("webhookTopic", webhookTopic)
        .secret("appSecret", appSecret.orElse(null))
        .secret("webhookVerifyToken", webhookVerifyToken.orElse(null))
        .add("adminAuth", adminAuth)
        .secret("adminToken", adminAuth.token().orElse(null))
        .add("bind", bindAddress)
        .add("httpWork", httpWork)
        .add("tokensFile", tokensFile.orElse("<none>"))
        .keysOnly("producer", producerOverrides)
        .keysOnly("consumer", consumerOverrides)
        .add("clock", clock)
        .toString();
  }

  private static String hostname() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "collector";
    }
  }

  /**
   * Bounds of the HTTP requests' blocking work (Kafka sends, accounts topic reads): workers run
   * side by side, up to {@code queue} more wait, and any further request is answered 503 at once.
   * Webhooks and admin calls have pools of their own, so neither starves the other.
   */
  public record HttpWork(int webhookWorkers, int webhookQueue, int adminWorkers, int adminQueue) {

    public HttpWork {
      if (webhookWorkers < 1 || adminWorkers < 1) {
        throw new IllegalArgumentException(
            "IGPULSE_COLLECTOR_WEBHOOK_WORKERS and IGPULSE_COLLECTOR_ADMIN_WORKERS must be >= 1");
      }
      if (webhookQueue < 0 || adminQueue < 0) {
        throw new IllegalArgumentException(
            "IGPULSE_COLLECTOR_WEBHOOK_QUEUE and IGPULSE_COLLECTOR_ADMIN_QUEUE must be >= 0");
      }
    }

    static HttpWork from(Settings s) {
      return new HttpWork(
          s.integer("IGPULSE_COLLECTOR_WEBHOOK_WORKERS", 8),
          s.integer("IGPULSE_COLLECTOR_WEBHOOK_QUEUE", 32),
          s.integer("IGPULSE_COLLECTOR_ADMIN_WORKERS", 2),
          s.integer("IGPULSE_COLLECTOR_ADMIN_QUEUE", 8));
    }
  }
}
