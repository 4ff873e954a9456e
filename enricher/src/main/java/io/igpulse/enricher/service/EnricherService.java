package io.igpulse.enricher.service;

import io.igpulse.enricher.config.EnricherConfig;
import io.igpulse.enricher.config.PublicCounterConfig;
import io.igpulse.enricher.fetch.AccountInsightsFetcher;
import io.igpulse.enricher.fetch.InsightFetcher;
import io.igpulse.enricher.fetch.PublicCounterFetcher;
import io.igpulse.enricher.metrics.EnricherMetrics;
import io.igpulse.enricher.schedule.CallBudget;
import io.igpulse.enricher.schedule.PublicReadPlanner;
import io.igpulse.enricher.schedule.RefreshPlanner;
import io.igpulse.enricher.schedule.RefreshSchedule;
import io.igpulse.enricher.snapshot.SnapshotBuilder;
import io.igpulse.enricher.topology.EnricherTopology;
import io.igpulse.enricher.topology.Enrichment;
import io.igpulse.enricher.topology.PublicCounters;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.graphapi.pacing.PacingClock;
import io.igpulse.graphapi.token.ReferencedTokens;
import io.igpulse.graphapi.token.TokenProvider;
import io.igpulse.graphapi.token.TokenRedactor;
import io.igpulse.runtime.Service;
import io.igpulse.runtime.kafka.TopicBootstrap;
import io.igpulse.runtime.management.ManagementServer;
import io.igpulse.runtime.management.Metrics;
import io.igpulse.runtime.streams.StreamsApp;
import io.igpulse.runtime.streams.TopicSerdes;
import io.igpulse.schemas.topic.Topics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running enricher: the Graph API client, Kafka Streams with the schedule topology, and the
 * management server. Ready means Streams is RUNNING with its brokers answering (StreamsApp);
 * readiness is cleared first on close.
 */
public final class EnricherService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(EnricherService.class);

  private final EnricherConfig config;
  private final Clock clock;
  private final TokenProvider tokens;
  private final TokenRedactor redactor;
  private final Vertx vertx = Vertx.vertx();
  private final PrometheusMeterRegistry registry = Metrics.prometheus("enricher");
  private final EnricherMetrics metrics;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile StreamsApp streams;
  private GraphClient client;
  private ManagementServer managementServer;

  /**
   * Production: tokens from {@code IGPULSE_TOKEN_*} in {@code env}, then the configured tokens
   * file; clock as configured.
   */
  public EnricherService(EnricherConfig config, Map<String, String> env) {
    this(config, config.clock().clock(), tokensFrom(env, config));
  }

  private EnricherService(EnricherConfig config, Clock clock, Tokens tokens) {
    this(config, clock, tokens.provider, tokens.redactor);
  }

  /** With an explicit clock and tokens (tests, simulations). */
  public EnricherService(
      EnricherConfig config, Clock clock, TokenProvider tokens, TokenRedactor redactor) {
    this.config = config;
    this.clock = clock;
    this.tokens = tokens;
    this.redactor = redactor;
    this.metrics = new EnricherMetrics(registry, config.maxLabelledAccounts());
  }

  private record Tokens(TokenProvider provider, TokenRedactor redactor) {}

  private static Tokens tokensFrom(Map<String, String> env, EnricherConfig config) {
    TokenRedactor redactor = new TokenRedactor();
    try {
      return new Tokens(ReferencedTokens.load(env, config.tokensFile(), redactor), redactor);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "IGPULSE_TOKENS_FILE cannot be read: " + config.tokensFile().orElseThrow(), e);
    }
  }

  @Override
  public Future<Void> start() {
    TopicBootstrap.ensure(config.adminClient(), List.copyOf(Topics.all()));
    client =
        GraphClient.create(vertx, config.graph(), registry, PacingClock.system(vertx), redactor);
    Enrichment.Plan plan =
        new Enrichment.Plan(
            new RefreshSchedule(config.cadence()),
            new RefreshPlanner(config.storyUrgency().toMillis()),
            new CallBudget(config.callsPerHour(), config.callBurst()),
            config.tick(),
            config.maxReadsPerTick());
    Enrichment.Reads reads =
        new Enrichment.Reads(
            new InsightFetcher(client, clock, config.fetchTimeout()),
            new AccountInsightsFetcher(client, clock, config.fetchTimeout()),
            config.accountInsights(),
            new SnapshotBuilder(client.catalog()),
            tokens);
    Enrichment parts = new Enrichment(plan, reads, clock, metrics, publicCounters());
    // A failure that escaped the handlers replaces the stream thread: the uncommitted round is
    // aborted and its media are due again.
    streams =
        new StreamsApp(
                EnricherTopology.build(parts, TopicSerdes.apicurio(config.registry())),
                StreamsSettings.of(config),
                registry)
            .start();
    return ManagementServer.start(
            vertx,
            config.bindAddress(),
            config.managementPort(),
            streams::readiness,
            streams::alive,
            registry)
        .map(
            server -> {
              managementServer = server;
              LOG.info("Enricher started: management on port {}", server.port());
              return null;
            });
  }

  /** The public-counter path: a cadence and call budgets of its own. */
  private PublicCounters publicCounters() {
    PublicCounterConfig pc = config.publicCounters();
    return new PublicCounters(
        new RefreshSchedule(pc.cadence()),
        new CallBudget(pc.callsPerHour(), pc.callsPerHour()),
        new CallBudget(pc.hashtagCallsPerHour(), pc.hashtagCallsPerHour()),
        new PublicReadPlanner(),
        new PublicCounterFetcher(
            client, clock, config.fetchTimeout(), pc.maxListed(), config.tick()));
  }

  public boolean ready() {
    StreamsApp current = streams;
    return !closed.get() && current != null && current.ready();
  }

  public KafkaStreams streams() {
    StreamsApp current = streams;
    return current == null ? null : current.streams();
  }

  public EnricherMetrics metrics() {
    return metrics;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public GraphClient graphClient() {
    return client;
  }

  public int managementPort() {
    return managementServer.port();
  }

  /** Not ready first, then Streams (committing its transaction), then the client and HTTP. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("Enricher stopping");
    StreamsApp current = streams;
    if (current != null) {
      current.close();
    }
    if (client != null) {
      client.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    LOG.info("Enricher stopped");
  }
}
