package io.igpulse.enricher.config;

import io.igpulse.enricher.schedule.Cadence;
import io.igpulse.graphapi.GraphApiConfig;
import io.igpulse.runtime.clock.ServiceClock;
import io.igpulse.runtime.config.ConfigDescription;
import io.igpulse.runtime.config.Settings;
import io.igpulse.runtime.kafka.ClientSettings;
import io.igpulse.schemas.serde.RegistryConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the enricher is configured with, parsed once (defaults ← optional file ← environment;
 * see README, "Configuration"). Kafka Streams settings pass straight through: {@code
 * IGPULSE_STREAMS_NUM_STREAM_THREADS=2} becomes {@code num.stream.threads=2}.
 *
 * @param clock the time the schedule follows (the one {@code IGPULSE_CLOCK} setting)
 * @param maxReadsPerTick media a stream thread reads at most per tick (one punctuation's work)
 * @param callsPerHour calls each account may spend per hour (the refill of its budget)
 * @param callBurst calls an account may spend at once
 * @param bindAddress where the management port listens (loopback unless set)
 * @param tokensFile optional properties file {@code <token_ref>=<token>} ({@code
 *     IGPULSE_TOKENS_FILE}), below the {@code IGPULSE_TOKEN_<ref>} variables
 */
public record EnricherConfig(
    String bootstrapServers,
    String applicationId,
    RegistryConfig registry,
    GraphApiConfig graph,
    Cadence cadence,
    Duration tick,
    int maxReadsPerTick,
    int callsPerHour,
    int callBurst,
    Duration storyUrgency,
    Duration fetchTimeout,
    boolean accountInsights,
    ServiceClock clock,
    int managementPort,
    int maxLabelledAccounts,
    String stateDir,
    Map<String, String> streamsOverrides,
    PublicCounterConfig publicCounters,
    String bindAddress,
    Optional<String> tokensFile) {

  static final String STREAMS_PREFIX = "IGPULSE_STREAMS_";

  /** Listening on loopback (tests, benchmarks). */
  public EnricherConfig(
      String bootstrapServers,
      String applicationId,
      RegistryConfig registry,
      GraphApiConfig graph,
      Cadence cadence,
      Duration tick,
      int maxReadsPerTick,
      int callsPerHour,
      int callBurst,
      Duration storyUrgency,
      Duration fetchTimeout,
      boolean accountInsights,
      ServiceClock clock,
      int managementPort,
      int maxLabelledAccounts,
      String stateDir,
      Map<String, String> streamsOverrides,
      PublicCounterConfig publicCounters) {
    this(
        bootstrapServers,
        applicationId,
        registry,
        graph,
        cadence,
        tick,
        maxReadsPerTick,
        callsPerHour,
        callBurst,
        storyUrgency,
        fetchTimeout,
        accountInsights,
        clock,
        managementPort,
        maxLabelledAccounts,
        stateDir,
        streamsOverrides,
        publicCounters,
        Settings.LOOPBACK,
        Optional.empty());
  }

  /** With the default public-counter settings for {@code callsPerHour}. */
  public EnricherConfig(
      String bootstrapServers,
      String applicationId,
      RegistryConfig registry,
      GraphApiConfig graph,
      Cadence cadence,
      Duration tick,
      int maxReadsPerTick,
      int callsPerHour,
      int callBurst,
      Duration storyUrgency,
      Duration fetchTimeout,
      boolean accountInsights,
      ServiceClock clock,
      int managementPort,
      int maxLabelledAccounts,
      String stateDir,
      Map<String, String> streamsOverrides) {
    this(
        bootstrapServers,
        applicationId,
        registry,
        graph,
        cadence,
        tick,
        maxReadsPerTick,
        callsPerHour,
        callBurst,
        storyUrgency,
        fetchTimeout,
        accountInsights,
        clock,
        managementPort,
        maxLabelledAccounts,
        stateDir,
        streamsOverrides,
        PublicCounterConfig.defaults(callsPerHour),
        Settings.LOOPBACK,
        Optional.empty());
  }

  public EnricherConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(publicCounters, "publicCounters");
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(tokensFile, "tokensFile");
    streamsOverrides = Map.copyOf(streamsOverrides);
    if (callsPerHour < 1 || callBurst < 1) {
      throw new IllegalArgumentException("calls per hour and burst must be >= 1");
    }
    if (maxReadsPerTick < 1) {
      throw new IllegalArgumentException("IGPULSE_ENRICHER_MAX_READS_PER_TICK must be >= 1");
    }
    if (tick.isZero() || tick.isNegative()) {
      throw new IllegalArgumentException("tick must be > 0");
    }
  }

  public static EnricherConfig fromEnv(Map<String, String> env) {
    Settings s = Settings.load(env);
    int perHour = s.integer("IGPULSE_ENRICHER_CALLS_PER_HOUR", 180);
    return new EnricherConfig(
        s.required("IGPULSE_KAFKA_BOOTSTRAP_SERVERS"),
        s.string("IGPULSE_ENRICHER_APPLICATION_ID", "igpulse-enricher"),
        RegistryConfig.fromEnv(s.asMap()),
        GraphApiConfig.fromEnv(s.asMap()),
        Cadence.parse(
            s.string("IGPULSE_ENRICHER_CADENCE", "PT6H/PT15M,PT48H/PT1H,P7D/PT6H,P30D/P1D"),
            s.string("IGPULSE_ENRICHER_STORY_STEP", "PT5M"),
            s.string("IGPULSE_ENRICHER_STORY_LAST_BEFORE", "PT2M")),
        s.duration("IGPULSE_ENRICHER_TICK", Duration.ofSeconds(10)),
        s.integer("IGPULSE_ENRICHER_MAX_READS_PER_TICK", 1000),
        perHour,
        s.integer("IGPULSE_ENRICHER_CALL_BURST", perHour),
        s.duration("IGPULSE_ENRICHER_STORY_URGENCY", Duration.ofMinutes(30)),
        s.duration("IGPULSE_ENRICHER_FETCH_TIMEOUT", Duration.ofSeconds(60)),
        s.bool("IGPULSE_ENRICHER_ACCOUNT_INSIGHTS", true),
        ServiceClock.from(s),
        s.integer("IGPULSE_ENRICHER_MANAGEMENT_PORT", 9085),
        s.integer("IGPULSE_ENRICHER_METRICS_MAX_ACCOUNTS", 50),
        s.string(
            "IGPULSE_ENRICHER_STATE_DIR",
            System.getProperty("java.io.tmpdir") + "/igpulse-enricher"),
        s.passThrough(STREAMS_PREFIX),
        new PublicCounterConfig(
            Cadence.parse(
                s.string("IGPULSE_ENRICHER_PUBLIC_CADENCE", PublicCounterConfig.DEFAULT_CADENCE),
                "PT5M",
                "PT2M"),
            s.integer("IGPULSE_ENRICHER_PUBLIC_CALLS_PER_HOUR", Math.max(1, perHour / 4)),
            s.integer("IGPULSE_ENRICHER_PUBLIC_HASHTAG_CALLS_PER_HOUR", 60),
            s.integer("IGPULSE_ENRICHER_PUBLIC_MAX_LISTED", 500)),
        s.bindAddress("IGPULSE_ENRICHER_BIND_ADDRESS"),
        Optional.ofNullable(s.string("IGPULSE_TOKENS_FILE", null)));
  }

  /** The configuration as a log line; the graph config hides its secret, overrides their values. */
  public String describe() {
    return new ConfigDescription()
        .add("bootstrap", bootstrapServers)
        .add("applicationId", applicationId)
        .add("registry", registry.url())
        .add("graph", graph)
        .add("cadence", cadence)
        .add("tick", tick)
        .add("maxReadsPerTick", maxReadsPerTick)
        .add("callsPerHour", callsPerHour)
        .add("burst", callBurst)
        .add("storyUrgency", storyUrgency)
        .add("fetchTimeout", fetchTimeout)
        .add("accountInsights", accountInsights)
        .add("publicCadence", publicCounters.cadence())
        .add("publicCallsPerHour", publicCounters.callsPerHour())
        .add("publicHashtagCallsPerHour", publicCounters.hashtagCallsPerHour())
        .add("publicMaxListed", publicCounters.maxListed())
        .add("clock", clock)
        .add("management", bindAddress + ":" + managementPort)
        .add("stateDir", stateDir)
        .add("tokensFile", tokensFile.orElse("<none>"))
        .keysOnly("streamsOverrides", streamsOverrides)
        .toString();
  }

  /**
   * The admin client's settings (topic checks at start): the same overrides as Kafka Streams' own
   * clients, so a secured cluster is reached the same way; {@code IGPULSE_STREAMS_ADMIN_*} keys
   * win.
   */
  public Map<String, Object> adminClient() {
    return ClientSettings.admin(bootstrapServers, applicationId + "-topics", streamsOverrides);
  }
}
