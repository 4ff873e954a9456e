package io.igpulse.collector;

import static org.awaitility.Awaitility.await;

import io.igpulse.collector.admin.AccountWriter;
import io.igpulse.collector.config.CollectorConfig;
import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.runtime.kafka.ClientSettings;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Starts collectors against the JVM's broker, registry and a simulator, registers simulator
 * accounts (token reference {@code acct<index>}, the token in the collector's environment) and
 * decodes what was emitted. Intervals are seconds so that tests see several turns of every source.
 */
final class CollectorHarness implements AutoCloseable {

  final KafkaCluster kafka;
  final SchemaRegistry registry;
  final Simulator simulator;
  final String group;
  private final List<CollectorService> started = new ArrayList<>();
  private final java.util.Set<Integer> registered = new java.util.LinkedHashSet<>();
  private final Producer<String, byte[]> producer;
  final AccountWriter writer;

  /** The admin API's bearer token of every collector the harness starts. */
  static final String ADMIN_TOKEN = "harness-admin-token-0123456789abcdef";

  /** The header the admin API wants. */
  static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + ADMIN_TOKEN);

  CollectorHarness(KafkaCluster kafka, SchemaRegistry registry, Simulator simulator, String group) {
    this.kafka = kafka;
    this.registry = registry;
    this.simulator = simulator;
    this.group = group;
    this.producer =
        new KafkaProducer<>(
            ClientSettings.reliableProducer(kafka.bootstrapServers(), "test-" + group, Map.of()),
            new StringSerializer(),
            new ByteArraySerializer());
    this.writer =
        new AccountWriter(
            kafka.bootstrapServers(), Map.of(), registry.config(), producer, Clock.systemUTC());
  }

  /** The seen topic of this harness's collectors. */
  String seenTopic() {
    return "igpulse.collector.seen." + group;
  }

  Map<String, String> env(String instance, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("IGPULSE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("IGPULSE_REGISTRY_URL", registry.url());
    env.put("IGPULSE_GRAPH_BASE_URL", simulator.baseUrl());
    env.put("IGPULSE_GRAPH_MAX_ATTEMPTS", "2");
    env.put("IGPULSE_COLLECTOR_GROUP_ID", group);
    // Simulators with other seeds reuse the same account and media ids: each test keeps its own
    // seen state so that one test's markers never hide another's media.
    env.put("IGPULSE_COLLECTOR_SEEN_TOPIC", seenTopic());
    env.put("IGPULSE_COLLECTOR_WEBHOOK_TOPIC", "igpulse.collector.webhooks." + group);
    env.put("IGPULSE_COLLECTOR_INSTANCE_ID", instance);
    env.put("IGPULSE_COLLECTOR_HTTP_PORT", "0");
    env.put("IGPULSE_COLLECTOR_MANAGEMENT_PORT", "0");
    env.put("IGPULSE_COLLECTOR_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("IGPULSE_COLLECTOR_OWNED_INTERVAL", "PT1S");
    env.put("IGPULSE_COLLECTOR_FULL_SWEEP_INTERVAL", "PT5S");
    env.put("IGPULSE_COLLECTOR_STORIES_INTERVAL", "PT1S");
    env.put("IGPULSE_COLLECTOR_TAGS_INTERVAL", "PT2S");
    env.put("IGPULSE_COLLECTOR_HASHTAGS_INTERVAL", "PT3S");
    env.put("IGPULSE_COLLECTOR_BACKOFF_BASE", "PT0.5S");
    env.put("IGPULSE_COLLECTOR_BACKOFF_MAX", "PT2S");
    env.put("IGPULSE_COLLECTOR_INCREMENTAL_PAGE", "10");
    env.put("IGPULSE_CONSUMER_SESSION_TIMEOUT_MS", "6000");
    env.put("IGPULSE_CONSUMER_HEARTBEAT_INTERVAL_MS", "500");
    for (int i = 0; i < simulator.world().accountCount(); i++) {
      env.put("IGPULSE_TOKEN_acct" + i, simulator.token(i));
    }
    env.putAll(extra);
    return env;
  }

  CollectorService start(String instance) {
    return start(instance, Map.of());
  }

  CollectorService start(String instance, Map<String, String> extra) {
    Map<String, String> env = env(instance, extra);
    CollectorService service = new CollectorService(CollectorConfig.fromEnv(env), env);
    started.add(service);
    service.start().toCompletionStage().toCompletableFuture().join();
    await().atMost(Duration.ofSeconds(60)).until(service::ready);
    return service;
  }

  void register(int index, List<String> hashtags) throws Exception {
    registered.add(index);
    writer.register(
        new AccountWriter.Request(
            GroundTruth.account(simulator.world(), index),
            simulator.world().account(index).username(),
            "acct" + index,
            hashtags,
            null));
  }

  void deactivate(int index) throws Exception {
    registered.remove(index);
    writer.deactivate(GroundTruth.account(simulator.world(), index));
  }

  static SeenKey keyOf(MediaDiscovered d) {
    return new SeenKey(d.getFollowedAccountId(), d.getSource(), d.getHashtag(), d.getMediaId());
  }

  OutputTap tap(java.util.Set<String> accounts) {
    return new OutputTap(kafka, registry, accounts);
  }

  /**
   * Stops the collectors and deactivates every account this harness registered, also when the test
   * failed: later tests (other groups, other seen topics) must not poll them.
   */
  @Override
  public void close() {
    IllegalStateException failed = new IllegalStateException("harness of " + group + " not closed");
    for (CollectorService service : started) {
      try {
        service.close();
      } catch (RuntimeException e) {
        failed.addSuppressed(e); // the other collectors and the accounts must still go
      }
    }
    for (int index : List.copyOf(registered)) {
      try {
        deactivate(index);
      } catch (Exception e) {
        failed.addSuppressed(e);
      }
    }
    producer.close();
    if (failed.getSuppressed().length > 0) {
      throw failed;
    }
  }
}
