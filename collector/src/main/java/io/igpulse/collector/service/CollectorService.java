package io.igpulse.collector.service;

import io.igpulse.collector.admin.AccountImport;
import io.igpulse.collector.admin.AccountWriter;
import io.igpulse.collector.admin.AdminRoutes;
import io.igpulse.collector.config.CollectorConfig;
import io.igpulse.collector.discovery.AccountRegistry;
import io.igpulse.collector.discovery.SeenMarker;
import io.igpulse.collector.discovery.SeenState;
import io.igpulse.collector.http.BoundedWork;
import io.igpulse.collector.kafka.AccountsLoop;
import io.igpulse.collector.kafka.CoPartitioning;
import io.igpulse.collector.kafka.CollectorTopics;
import io.igpulse.collector.kafka.DiscoveryEmitter;
import io.igpulse.collector.kafka.SeenLoader;
import io.igpulse.collector.metrics.CollectorMetrics;
import io.igpulse.collector.webhook.WebhookRoutes;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.graphapi.pacing.PacingClock;
import io.igpulse.graphapi.token.ReferencedTokens;
import io.igpulse.graphapi.token.TokenRedactor;
import io.igpulse.runtime.Service;
import io.igpulse.runtime.http.PlainHttp;
import io.igpulse.runtime.kafka.ClientSettings;
import io.igpulse.runtime.kafka.TopicBootstrap;
import io.igpulse.runtime.management.ManagementServer;
import io.igpulse.runtime.management.Metrics;
import io.igpulse.runtime.management.Readiness;
import io.igpulse.schemas.topic.RecordDecoder;
import io.igpulse.schemas.topic.Topic;
import io.igpulse.schemas.topic.Topics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running collector: topics checked, the transactional emitter, the accounts consumer thread
 * (its partitions are this instance's accounts), the HTTP port (webhooks and admin) and the
 * management port. Ready once HTTP listens, the group has assigned this instance its share and the
 * emitter can write.
 */
public final class CollectorService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(CollectorService.class);

  private final CollectorConfig config;
  private final Map<String, String> env;
  private final Vertx vertx = Vertx.vertx();
  private final PrometheusMeterRegistry registry = Metrics.prometheus("collector");
  private final CollectorMetrics metrics = new CollectorMetrics(registry);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final SeenState seen;
  private GraphClient client;
  private DiscoveryEmitter emitter;
  private AccountsLoop loop;
  private AccountRegistry accounts;
  private Producer<String, byte[]> sideProducer;
  private Producer<byte[], byte[]> deadLetterProducer;
  private HttpServer http;
  private ManagementServer management;

  /**
   * @param env the environment the tokens are read from ({@code IGPULSE_TOKEN_<ref>})
   */
  public CollectorService(CollectorConfig config, Map<String, String> env) {
    this.config = config;
    this.env = Map.copyOf(env);
    this.seen = new SeenState(config.seenExpiry());
  }

  @Override
  public Future<Void> start() {
    try {
      // Before anything connects: an admin API without its token is refused at once.
      config.adminAuth().requireServable();
      startKafkaSide();
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
    Router router = Router.router(vertx);
    CollectorConfig.HttpWork limits = config.httpWork();
    BoundedWork webhookWork =
        boundedWork(WebhookRoutes.ROUTE, limits.webhookWorkers(), limits.webhookQueue());
    BoundedWork adminWork =
        boundedWork(AdminRoutes.ROUTE, limits.adminWorkers(), limits.adminQueue());
    new WebhookRoutes(
            webhookWork,
            config.appSecret(),
            config.webhookVerifyToken(),
            sideProducer,
            config.webhookTopic(),
            Topics.ACCOUNTS.partitions(),
            metrics)
        .mount(router);
    AccountWriter writer =
        new AccountWriter(
            config.bootstrapServers(),
            config.consumerOverrides(),
            config.registry(),
            sideProducer,
            config.clock().clock());
    new AdminRoutes(
            adminWork,
            writer,
            new AccountImport(vertx, client, tokens, writer),
            accounts,
            config.adminAuth())
        .mount(router);
    return vertx
        .createHttpServer(PlainHttp.options())
        .requestHandler(router)
        .listen(config.httpPort(), config.bindAddress())
        .compose(
            server -> {
              http = server;
              return ManagementServer.start(
                  vertx,
                  config.bindAddress(),
                  config.managementPort(),
                  this::readiness,
                  this::alive,
                  registry);
            })
        .map(
            server -> {
              management = server;
              LOG.info(
                  "Collector {} started: webhooks and admin on {}:{}, management on port {}",
                  config.instanceId(),
                  config.bindAddress(),
                  http.actualPort(),
                  server.port());
              return null;
            });
  }

  private ReferencedTokens tokens;

  /** A route's bounded pool, its refusals and its requests in progress on the meters. */
  private BoundedWork boundedWork(String route, int workers, int queue) {
    BoundedWork work =
        new BoundedWork(vertx, route, workers, queue, () -> metrics.httpRefused(route));
    metrics.httpInProgress(route, work::inProgress);
    return work;
  }

  private void startKafkaSide() throws Exception {
    List<Topic<?, ?>> topics =
        List.of(
            Topics.ACCOUNTS,
            Topics.MEDIA_DISCOVERED,
            Topics.DEAD_LETTER,
            CollectorTopics.seen(config.seenTopic()),
            CollectorTopics.webhooks(config.webhookTopic()));
    TopicBootstrap.ensure(config.adminClient(), topics);
    CoPartitioning.check(config.adminClient(), config.seenTopic(), config.webhookTopic());

    TokenRedactor redactor = new TokenRedactor();
    config.appSecret().ifPresent(redactor::register);
    config.webhookVerifyToken().ifPresent(redactor::register);
    config.adminAuth().token().ifPresent(redactor::register);
    tokens = ReferencedTokens.load(env, config.tokensFile(), redactor);
    client =
        GraphClient.create(vertx, config.graph(), registry, PacingClock.system(vertx), redactor);

    Context context = vertx.getOrCreateContext();
    sideProducer =
        new KafkaProducer<>(
            ClientSettings.reliableProducer(
                config.bootstrapServers(),
                "collector-side-" + config.instanceId(),
                config.producerOverrides()),
            new StringSerializer(),
            new ByteArraySerializer());
    deadLetterProducer =
        new KafkaProducer<>(
            ClientSettings.reliableProducer(
                config.bootstrapServers(),
                "collector-dlq-" + config.instanceId(),
                config.producerOverrides()),
            new ByteArraySerializer(),
            new ByteArraySerializer());

    Map<String, Object> txProps =
        ClientSettings.reliableProducer(
            config.bootstrapServers(),
            "collector-" + config.instanceId(),
            config.producerOverrides());
    txProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
    // The registry and the emitter need each other; the registry reaches the emitter through this
    // field, set just below and before any poll can emit.
    accounts =
        new AccountRegistry(
            vertx,
            context,
            client,
            tokens,
            config.schedule(),
            seen,
            (ctx, account, partition, items) -> emitter.emit(ctx, account, partition, items),
            metrics,
            config.clock());
    emitter =
        new DiscoveryEmitter(
            () -> new KafkaProducer<>(txProps, new StringSerializer(), new ByteArraySerializer()),
            Topics.MEDIA_DISCOVERED.valueSerde(config.registry()).serializer(),
            config.seenTopic(),
            seen,
            accounts::owns,
            metrics);
    emitter.start();
    vertx.setPeriodic(
        config.clock().realDelay(config.seenSweepInterval()).toMillis(), id -> expireSeenMarkers());

    Map<String, Object> consumerProps =
        ClientSettings.groupConsumer(
            config.bootstrapServers(),
            config.groupId(),
            "collector-" + config.instanceId(),
            config.consumerOverrides());
    // Range gives the same partition numbers of the accounts and webhook topics to one member.
    consumerProps.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
    loop =
        new AccountsLoop(
            new KafkaConsumer<>(
                consumerProps, new StringDeserializer(), new ByteArrayDeserializer()),
            RecordDecoder.forValues(Topics.ACCOUNTS, config.registry()),
            config.webhookTopic(),
            new SeenLoader(
                config.bootstrapServers(), config.seenTopic(), config.consumerOverrides()),
            seen,
            accounts,
            emitter,
            deadLetterProducer,
            metrics);
    loop.start();
  }

  /**
   * Drops the seen markers of media the API can no longer list, from memory and from the seen
   * topic, so neither grows with every story and recent hashtag media ever found.
   */
  private void expireSeenMarkers() {
    List<SeenMarker> expired = seen.expire(config.clock().clock().instant());
    if (!expired.isEmpty()) {
      LOG.info("Expiring {} seen marker(s) of stories and recent hashtag media", expired.size());
      emitter.forget(expired);
    }
  }

  private Readiness readiness() {
    boolean up = ready();
    Map<String, Object> details =
        Map.of(
            "assigned", loop != null && loop.assigned(),
            "brokers_silent", loop != null && loop.brokersSilent(),
            "emitter", emitter != null && emitter.healthy(),
            "partitions", loop == null ? List.of() : loop.ownedPartitions());
    return up ? Readiness.up(details) : Readiness.down(details);
  }

  /**
   * False once the service cannot recover by itself: the emitter was fenced or its thread died, or
   * the accounts loop ended while the service runs. A broker outage keeps it live (it waits).
   */
  public boolean alive() {
    return closed.get()
        || ((emitter == null || emitter.alive()) && (loop == null || !loop.endedUnexpectedly()));
  }

  public boolean ready() {
    return !closed.get()
        && http != null
        && loop != null
        && loop.assigned()
        && !loop.brokersSilent()
        && emitter != null
        && emitter.healthy();
  }

  public int httpPort() {
    return http.actualPort();
  }

  public int managementPort() {
    return management.port();
  }

  /** Accounts partitions this instance owns now. */
  public List<Integer> ownedPartitions() {
    return loop == null ? List.of() : loop.ownedPartitions();
  }

  public PrometheusMeterRegistry meters() {
    return registry;
  }

  /**
   * Stops as a crash would (tests): the emitter's producer goes first without finishing its
   * transaction, then the rest without draining.
   */
  public void halt() {
    if (emitter != null) {
      emitter.halt();
    }
    close();
  }

  /**
   * Not ready first; then the consumer leaves the group (its accounts stop, the emitter drains),
   * then the emitter, producers and ports close.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("Collector {} stopping", config.instanceId());
    if (loop != null) {
      loop.close();
    }
    if (accounts != null) {
      accounts.stopAll();
    }
    if (emitter != null) {
      emitter.close();
    }
    if (sideProducer != null) {
      sideProducer.close(Duration.ofSeconds(10));
    }
    if (deadLetterProducer != null) {
      deadLetterProducer.close(Duration.ofSeconds(10));
    }
    if (client != null) {
      client.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    LOG.info("Collector {} stopped", config.instanceId());
  }
}
