package io.igpulse.aggregator.service;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.query.QueryRouter;
import io.igpulse.aggregator.topology.TrendTopology;
import io.igpulse.runtime.Service;
import io.igpulse.runtime.http.PlainHttp;
import io.igpulse.runtime.kafka.TopicBootstrap;
import io.igpulse.runtime.management.ManagementServer;
import io.igpulse.runtime.management.Metrics;
import io.igpulse.runtime.streams.StreamsApp;
import io.igpulse.schemas.topic.Topics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running aggregator: the query server first (its port goes into Streams' application.server so
 * other instances can route to it), then Kafka Streams (built and started on a worker thread, never
 * on the event loop), then the management server. Ready means Streams is RUNNING with its brokers
 * answering (StreamsApp).
 */
public final class AggregatorService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(AggregatorService.class);

  private final AggregatorConfig config;
  private final Clock clock;
  private final Vertx vertx;
  private final PrometheusMeterRegistry metrics = Metrics.prometheus("aggregator");
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile StreamsApp streams;
  private HttpServer queryServer;
  private volatile HostInfo self;
  private volatile Router router;
  private ManagementServer managementServer;

  /**
   * @param clock what the query API takes as "now" when a request names no time
   */
  public AggregatorService(AggregatorConfig config, Clock clock) {
    this(config, clock, new VertxOptions());
  }

  /** With Vert.x options of a test's choosing (a stricter blocked-thread limit). */
  AggregatorService(AggregatorConfig config, Clock clock, VertxOptions vertxOptions) {
    this.config = config;
    this.clock = clock;
    this.vertx = Vertx.vertx(vertxOptions);
  }

  /** Starts everything; the future fails when any part cannot start. */
  @Override
  public Future<Void> start() {
    TopicBootstrap.ensure(config.adminClient(), List.copyOf(Topics.all()));
    // The router needs this instance's own address, known only once the server listens: built then.
    return vertx
        .createHttpServer(PlainHttp.options())
        .requestHandler(this::route)
        .listen(config.httpPort(), config.bindAddress())
        .compose(
            server -> {
              queryServer = server;
              self = new HostInfo(config.advertisedHost(), server.actualPort());
              router = new QueryRouter(vertx, config, this::streams, self, clock).router();
              // Off the event loop: building the topology and its serdes, and constructing Kafka
              // Streams (clients, state directory, metrics), took up to 9 s on it at start.
              return vertx.executeBlocking(
                  () -> {
                    startStreams(server.actualPort());
                    return null;
                  });
            })
        .compose(
            started ->
                ManagementServer.start(
                    vertx,
                    config.bindAddress(),
                    config.managementPort(),
                    streams::readiness,
                    streams::alive,
                    metrics))
        .map(
            server -> {
              managementServer = server;
              LOG.info(
                  "Aggregator started: queries on {}, management on port {}", self, server.port());
              return null;
            });
  }

  /** A request that comes in the instant before the router is built is told to come back. */
  private void route(HttpServerRequest request) {
    Router current = router;
    if (current == null) {
      request.response().setStatusCode(503).putHeader("Retry-After", "1").end();
    } else {
      current.handle(request);
    }
  }

  private void startStreams(int queryPort) {
    streams =
        new StreamsApp(TrendTopology.build(config), StreamsSettings.of(config, queryPort), metrics)
            .start();
  }

  /** The service's Vert.x instance, for tests that watch its event loops. */
  Vertx vertx() {
    return vertx;
  }

  public boolean ready() {
    StreamsApp current = streams;
    return !closed.get() && current != null && current.ready();
  }

  /** The running Streams instance (for operations tooling and tests); null before start. */
  public KafkaStreams streams() {
    StreamsApp current = streams;
    return current == null ? null : current.streams();
  }

  /** Port the query API listens on. */
  public int queryPort() {
    return queryServer.actualPort();
  }

  /** Port of health and metrics. */
  public int managementPort() {
    return managementServer.port();
  }

  /**
   * Stops in reverse order: not ready first, then Streams (committing its transaction), then HTTP.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("Aggregator stopping");
    StreamsApp current = streams;
    if (current != null) {
      current.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    LOG.info("Aggregator stopped");
  }
}
