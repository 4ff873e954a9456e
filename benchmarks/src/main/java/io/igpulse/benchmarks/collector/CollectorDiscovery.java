package io.igpulse.benchmarks.collector;

import io.igpulse.collector.admin.AccountWriter;
import io.igpulse.collector.config.CollectorConfig;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.runtime.kafka.ClientSettings;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.World;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.kafka.KafkaClusters;
import io.igpulse.testkit.registry.Registries;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * First discovery of N accounts (default 1,000) by one collector against the simulator (frozen
 * clock): every owned media, live story and tagged media of every account, plus top and recent
 * media of one hashtag for every tenth account. Measures media discovered per second (from the
 * first registration to the last committed MediaDiscovered) and Graph API calls per discovered
 * media (the simulator's own call count). In-JVM broker, registry stand-in and simulator; all share
 * the machine's cores with the collector.
 *
 * <p>Args: {@code [accounts=1000] [mediaPerAccount=60]}.
 */
public final class CollectorDiscovery {

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int mediaPerAccount = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    SimulatorConfig simConfig =
        SimulatorConfig.of(42, accounts)
            .withWorld(
                io.igpulse.simulator.world.WorldSpec.of(42, accounts)
                    .withMediaPerAccount(mediaPerAccount));
    try (KafkaCluster kafka = KafkaClusters.start(1);
        SchemaRegistry registry = Registries.start();
        Simulator sim = Simulator.start(simConfig)) {
      kafka.createTopics(Topics.all());
      World world = sim.world();
      long now = sim.clock().nowEpochSecond();
      long expected = 0;
      for (int i = 0; i < accounts; i++) {
        expected += expectedFor(world, i, tagOf(world, i), now);
      }
      Map<String, String> env = new HashMap<>();
      env.put("IGPULSE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
      env.put("IGPULSE_REGISTRY_URL", registry.url());
      env.put("IGPULSE_GRAPH_BASE_URL", sim.baseUrl());
      env.put("IGPULSE_COLLECTOR_INSTANCE_ID", "bench");
      env.put("IGPULSE_COLLECTOR_HTTP_PORT", "0");
      env.put("IGPULSE_COLLECTOR_MANAGEMENT_PORT", "0");
      // The admin API is never called here, but it is not served without a token.
      env.put("IGPULSE_COLLECTOR_ADMIN_TOKEN", UUID.randomUUID().toString());
      for (int i = 0; i < accounts; i++) {
        env.put("IGPULSE_TOKEN_a" + i, sim.token(i));
      }
      CollectorService collector = new CollectorService(CollectorConfig.fromEnv(env), env);
      collector.start().toCompletionStage().toCompletableFuture().join();
      while (!collector.ready()) {
        Thread.sleep(100);
      }
      long callsBefore = sim.stats().total();

      try (KafkaConsumer<byte[], byte[]> out = tail(kafka);
          Producer<String, byte[]> producer =
              new KafkaProducer<>(
                  ClientSettings.reliableProducer(kafka.bootstrapServers(), "bench", Map.of()),
                  new StringSerializer(),
                  new ByteArraySerializer())) {
        AccountWriter writer =
            new AccountWriter(
                kafka.bootstrapServers(), Map.of(), registry.config(), producer, Clock.systemUTC());
        long start = System.nanoTime();
        List<AccountWriter.Request> requests = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
          String tag = tagOf(world, i);
          requests.add(
              new AccountWriter.Request(
                  Long.toString(world.account(i).igUserId()),
                  world.account(i).username(),
                  "a" + i,
                  tag == null ? List.of() : List.of(tag),
                  null));
        }
        writer.registerAll(requests);
        double registered = seconds(start);
        long seen = 0;
        long last = System.nanoTime();
        while (seen < expected && System.nanoTime() - last < Duration.ofSeconds(60).toNanos()) {
          int n = out.poll(Duration.ofMillis(500)).count();
          if (n > 0) {
            seen += n;
            last = System.nanoTime();
          }
        }
        double elapsed = (last - start) / 1e9;
        long calls = sim.stats().total() - callsBefore;
        System.out.printf(
            "accounts=%d mediaPerAccount=%d expected=%d discovered=%d%n"
                + "registrations written in %.1f s%n"
                + "discovery: %.1f s, %.0f media/s%n"
                + "Graph API calls: %d, %.3f calls per discovered media%n",
            accounts,
            mediaPerAccount,
            expected,
            seen,
            registered,
            elapsed,
            seen / elapsed,
            calls,
            (double) calls / Math.max(1, seen));
      }
      collector.close();
    }
    System.exit(0);
  }

  /** Every tenth account tracks one of the ten most used hashtags. */
  private static String tagOf(World world, int i) {
    return i % 10 == 0 ? world.hashtags().name((i / 10) % 10) : null;
  }

  private static long expectedFor(World world, int i, String tag, long now) {
    int visible = world.schedule(i).postsVisibleAt(now);
    long n = Math.min(visible, 10_000);
    long stories = 0;
    for (int k = 0; k < world.schedule(i).storyCount(); k++) {
      if (world.story(i, k).isLiveAt(now)) {
        stories++;
      }
    }
    Set<Long> tagged = new HashSet<>();
    for (long id : world.taggedIn(i)) {
      Media m = world.findMedia(id);
      if (m != null && m.createdSec() <= now) {
        tagged.add(id);
      }
    }
    long hashtag = 0;
    if (tag != null) {
      int t = world.hashtags().find(tag);
      hashtag += world.hashtagIndex().mediaBetween(t, now - 86_400 + 1, now).length;
      hashtag +=
          Math.min(50, world.hashtagIndex().mediaBetween(t, now - 7 * 86_400 + 1, now).length);
    }
    return n + stories + tagged.size() + hashtag;
  }

  private static KafkaConsumer<byte[], byte[]> tail(KafkaCluster kafka) {
    KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> tps =
        c.partitionsFor(Topics.MEDIA_DISCOVERED.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    c.assign(tps);
    c.seekToEnd(tps);
    tps.forEach(c::position);
    return c;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
