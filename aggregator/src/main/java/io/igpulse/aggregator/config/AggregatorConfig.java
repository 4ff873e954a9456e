package io.igpulse.aggregator.config;

import io.igpulse.runtime.clock.ServiceClock;
import io.igpulse.runtime.config.ConfigDescription;
import io.igpulse.runtime.config.Settings;
import io.igpulse.runtime.kafka.ClientSettings;
import io.igpulse.schemas.serde.RegistryConfig;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the aggregator is configured with, parsed once from the environment (see README,
 * "Configuration"). Kafka Streams settings pass straight through: {@code
 * IGPULSE_STREAMS_NUM_STREAM_THREADS=2} becomes {@code num.stream.threads=2}.
 *
 * @param bindAddress where the query and management ports listen (loopback unless set); {@code
 *     advertisedHost} is how other instances reach the query port, which must match it
 */
public record AggregatorConfig(
    String bootstrapServers,
    String applicationId,
    RegistryConfig registry,
    List<WindowSpec> windows,
    Duration grace,
    Duration catchUpHorizon,
    int topHashtags,
    int topMedia,
    int baselineWindows,
    double baselineDecay,
    Duration firstSnapshotCredit,
    ZoneId postingHoursZone,
    int httpPort,
    int managementPort,
    String advertisedHost,
    String stateDir,
    Map<String, String> streamsOverrides,
    ServiceClock clock,
    String bindAddress) {

  static final String STREAMS_PREFIX = "IGPULSE_STREAMS_";

  /** Listening on loopback (tests, benchmarks). */
  public AggregatorConfig(
      String bootstrapServers,
      String applicationId,
      RegistryConfig registry,
      List<WindowSpec> windows,
      Duration grace,
      Duration catchUpHorizon,
      int topHashtags,
      int topMedia,
      int baselineWindows,
      double baselineDecay,
      Duration firstSnapshotCredit,
      ZoneId postingHoursZone,
      int httpPort,
      int managementPort,
      String advertisedHost,
      String stateDir,
      Map<String, String> streamsOverrides,
      ServiceClock clock) {
    this(
        bootstrapServers,
        applicationId,
        registry,
        windows,
        grace,
        catchUpHorizon,
        topHashtags,
        topMedia,
        baselineWindows,
        baselineDecay,
        firstSnapshotCredit,
        postingHoursZone,
        httpPort,
        managementPort,
        advertisedHost,
        stateDir,
        streamsOverrides,
        clock,
        Settings.LOOPBACK);
  }

  /**
   * How late, in stream time, a delta may reach its bucket. Not minutes: while the aggregator
   * catches up a backlog its upstream tasks drift apart by up to the backlog's span, and a smaller
   * grace drops the lagging tasks' deltas (measured: 65 % of a 2.5-hour backlog lost at 15 min, 4 %
   * at 2 h, none at 6 h). Windows are published on every change, so a long grace costs store space,
   * not latency.
   */
  public static final Duration DEFAULT_GRACE = Duration.ofDays(1);

  /** See {@link #catchUpHorizon()}: a backlog up to this old survives a restart mid-catch-up. */
  public static final Duration DEFAULT_CATCH_UP_HORIZON = Duration.ofDays(3);

  public AggregatorConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(bindAddress, "bindAddress");
    windows = List.copyOf(windows);
    streamsOverrides = Map.copyOf(streamsOverrides);
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("at least one window family is needed");
    }
    if (!(baselineDecay > 0 && baselineDecay <= 1)) { // NaN too
      throw new IllegalArgumentException(
          "baseline decay (IGPULSE_AGGREGATOR_BASELINE_DECAY) must be in (0, 1], got "
              + baselineDecay);
    }
    if (catchUpHorizon.isNegative()) {
      throw new IllegalArgumentException(
          "catch-up horizon (IGPULSE_AGGREGATOR_CATCH_UP_HORIZON) must not be negative");
    }
    if (baselineWindows < 1 || topHashtags < 1 || topMedia < 1) {
      throw new IllegalArgumentException(
          "IGPULSE_AGGREGATOR_BASELINE_WINDOWS, IGPULSE_AGGREGATOR_TOP_HASHTAGS and"
              + " IGPULSE_AGGREGATOR_TOP_MEDIA must be >= 1");
    }
  }

  /**
   * Defaults, under the optional properties file named by {@code IGPULSE_CONFIG_FILE}, under the
   * environment (which wins), like the other services. A bad value stops the start with the
   * variable's name.
   */
  public static AggregatorConfig fromEnv(Map<String, String> env) {
    Settings s = Settings.load(env);
    return new AggregatorConfig(
        s.required("IGPULSE_KAFKA_BOOTSTRAP_SERVERS"),
        s.string("IGPULSE_AGGREGATOR_APPLICATION_ID", "igpulse-aggregator"),
        RegistryConfig.fromEnv(s.asMap()),
        windows(s.list("IGPULSE_AGGREGATOR_WINDOWS", List.of("PT1H/PT5M", "PT24H/PT1H"))),
        s.duration("IGPULSE_AGGREGATOR_GRACE", DEFAULT_GRACE),
        s.duration("IGPULSE_AGGREGATOR_CATCH_UP_HORIZON", DEFAULT_CATCH_UP_HORIZON),
        s.integer("IGPULSE_AGGREGATOR_TOP_HASHTAGS", 10),
        s.integer("IGPULSE_AGGREGATOR_TOP_MEDIA", 5),
        s.integer("IGPULSE_AGGREGATOR_BASELINE_WINDOWS", 6),
        s.decimal("IGPULSE_AGGREGATOR_BASELINE_DECAY", 0.5),
        s.duration("IGPULSE_AGGREGATOR_FIRST_SNAPSHOT_CREDIT", Duration.ofHours(1)),
        zone(s.string("IGPULSE_AGGREGATOR_POSTING_HOURS_ZONE", "UTC")),
        s.integer("IGPULSE_AGGREGATOR_HTTP_PORT", 8083),
        s.integer("IGPULSE_AGGREGATOR_MANAGEMENT_PORT", 9083),
        s.string("IGPULSE_AGGREGATOR_ADVERTISED_HOST", "localhost"),
        s.string(
            "IGPULSE_AGGREGATOR_STATE_DIR",
            System.getProperty("java.io.tmpdir") + "/igpulse-aggregator"),
        s.passThrough(STREAMS_PREFIX),
        ServiceClock.from(s),
        s.bindAddress("IGPULSE_AGGREGATOR_BIND_ADDRESS"));
  }

  private static List<WindowSpec> windows(List<String> specs) {
    try {
      return specs.stream().map(WindowSpec::parse).toList();
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "IGPULSE_AGGREGATOR_WINDOWS must be SIZE/ADVANCE pairs like PT1H/PT5M, the size a"
              + " multiple of the advance: "
              + e.getMessage(),
          e);
    }
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "IGPULSE_AGGREGATOR_POSTING_HOURS_ZONE must be a time zone id like Europe/Paris", e);
    }
  }

  /**
   * The configuration as a log line: nothing here is secret, but overrides could be, so their
   * values are hidden.
   */
  public String describe() {
    return new ConfigDescription()
        .add("bootstrap", bootstrapServers)
        .add("applicationId", applicationId)
        .add("registry", registry.url())
        .add("windows", windows)
        .add("grace", grace)
        .add("catchUpHorizon", catchUpHorizon)
        .add("topHashtags", topHashtags)
        .add("topMedia", topMedia)
        .add("baseline", baselineWindows + "x" + baselineDecay)
        .add("firstSnapshotCredit", firstSnapshotCredit)
        .add("zone", postingHoursZone)
        .add("http", advertisedHost + ":" + httpPort)
        .add("bind", bindAddress)
        .add("management", managementPort)
        .add("stateDir", stateDir)
        .keysOnly("streamsOverrides", streamsOverrides)
        .add("clock", clock)
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
