package io.igpulse.benchmarks.aggregator;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.service.AggregatorService;
import io.igpulse.events.AccountTrend;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.schemas.serde.RegistryConfig;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.registry.Registries;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Capture-to-trend latency of the production aggregator ({@link AggregatorService}, production
 * Streams settings) under a steady background load: one probe snapshot at a time, captured now, and
 * the wall time until (1) the query API answers with the probe's 1 h window including it and (2)
 * the trend record including it is readable (read_committed) on {@code instagram.trends.account}.
 *
 * <p>Arguments: probes (default 300), background snapshots per second (default 200). The first
 * {@code bench.warmupProbes} (default 40) probes are not counted. Broker as in {@link BenchBroker}.
 */
public final class CaptureToTrendLatency {

  private static final String PROBE_ACCOUNT = "probe-account";
  private static final long PROBE_ENGAGEMENT = 1_000;
  private static final Duration PACE = Duration.ofMillis(250);
  private static final Duration GIVE_UP = Duration.ofSeconds(60);

  private CaptureToTrendLatency() {}

  public static void main(String[] args) throws Exception {
    int probes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int loadPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int warmupProbes = Integer.getInteger("bench.warmupProbes", 40);
    try (BenchBroker kafka = BenchBroker.fromCommandLine();
        SchemaRegistry registry = Registries.start()) {
      System.out.println(kafka.description());
      AggregatorConfig config =
          AggregatorConfig.fromEnv(
              Map.of(
                  "IGPULSE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                  "IGPULSE_REGISTRY_URL", registry.config().url().toString(),
                  "IGPULSE_AGGREGATOR_HTTP_PORT", "0",
                  "IGPULSE_AGGREGATOR_MANAGEMENT_PORT", "0",
                  "IGPULSE_AGGREGATOR_STATE_DIR",
                      Files.createTempDirectory("latency-bench").toString()));
      AggregatorService service = new AggregatorService(config, Clock.systemUTC());
      service.start().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
      awaitReady(service);
      String base = "http://localhost:" + service.queryPort();

      AtomicBoolean running = new AtomicBoolean(true);
      TrendWatcher watcher = new TrendWatcher(kafka.bootstrapServers(), registry.config(), running);
      Thread watching = new Thread(watcher, "trend-watcher");
      watching.start();
      AtomicLong loadSent = new AtomicLong();
      Thread load =
          new Thread(
              () -> backgroundLoad(kafka, registry.config(), loadPerSecond, running, loadSent),
              "background-load");
      load.start();

      List<Long> toApi = new ArrayList<>();
      List<Long> toTopic = new ArrayList<>();
      HttpClient http = HttpClient.newHttpClient();
      Map<Instant, Long> expectedByWindow = new HashMap<>();
      try (KafkaProducer<String, MediaInsightSnapshot> producer =
          producer(kafka, registry.config(), 0)) {
        for (int i = 0; i < warmupProbes + probes; i++) {
          long paceUntil = System.nanoTime() + PACE.toNanos();
          Instant captured = Instant.now();
          Instant windowStart = captured.truncatedTo(ChronoUnit.HOURS);
          windowStart =
              windowStart.plus(
                  Duration.ofMinutes(Duration.between(windowStart, captured).toMinutes() / 5 * 5));
          // Windows of 1 h advance every 5 min: the one starting at the probe's 5-minute mark
          // holds this probe and every earlier probe captured since that mark.
          for (Map.Entry<Instant, Long> e : expectedByWindow.entrySet()) {
            if (!captured.isBefore(e.getKey()) && captured.isBefore(e.getKey().plusSeconds(3600))) {
              e.setValue(e.getValue() + PROBE_ENGAGEMENT);
            }
          }
          expectedByWindow.putIfAbsent(windowStart, PROBE_ENGAGEMENT);
          long expected = expectedByWindow.get(windowStart);
          producer.send(
              new ProducerRecord<>(
                  Topics.MEDIA_INSIGHTS.name(),
                  "probe-" + i,
                  snapshot(
                      "probe-" + i,
                      PROBE_ACCOUNT,
                      captured.minusMillis(1),
                      captured,
                      PROBE_ENGAGEMENT)));
          producer.flush();
          long api = awaitApi(http, base, windowStart, expected, captured);
          long topic =
              watcher.awaitAtLeast(PROBE_ACCOUNT + "@" + windowStart + "/PT1H", expected, captured);
          if (i >= warmupProbes) {
            toApi.add(api);
            toTopic.add(topic);
          }
          long rest = paceUntil - System.nanoTime();
          if (rest > 0) {
            TimeUnit.NANOSECONDS.sleep(rest);
          }
        }
      } finally {
        running.set(false);
        load.join();
        watching.join();
        service.close();
      }
      System.out.printf(
          "probes=%d (after %d warm-up) background=%d snapshots/s (%d sent)%n",
          probes, warmupProbes, loadPerSecond, loadSent.get());
      System.out.println("capture -> query API answer including it: " + percentiles(toApi));
      System.out.println("capture -> trend record readable on its topic: " + percentiles(toTopic));
    }
  }

  private static void awaitReady(AggregatorService service) throws InterruptedException {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (!service.ready()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("aggregator not ready after " + GIVE_UP);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** Polls the account's trend route until the window holds {@code expected}; ms since capture. */
  private static long awaitApi(
      HttpClient http, String base, Instant windowStart, long expected, Instant captured)
      throws Exception {
    URI uri =
        URI.create(
            base
                + "/api/accounts/"
                + PROBE_ACCOUNT
                + "/trend?window=PT1H&from="
                + windowStart
                + "&to="
                + windowStart);
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        for (Object o : new JsonArray(r.body())) {
          JsonObject w = (JsonObject) o;
          if (w.getString("windowStart").equals(windowStart.toString())
              && w.getLong("engagementGained", 0L) >= expected) {
            return Duration.between(captured, Instant.now()).toMillis();
          }
        }
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
    throw new IllegalStateException(
        "the query API never showed " + expected + " at " + windowStart);
  }

  /** Re-snapshots a fixed set of media at a steady rate, each a little more engaged. */
  private static void backgroundLoad(
      BenchBroker kafka,
      RegistryConfig registry,
      int perSecond,
      AtomicBoolean running,
      AtomicLong sent) {
    int media = 2_000;
    Instant posted = Instant.now().minus(Duration.ofMinutes(30));
    long started = System.nanoTime();
    try (KafkaProducer<String, MediaInsightSnapshot> producer = producer(kafka, registry, 20)) {
      while (running.get()) {
        long n = sent.get();
        long due = started + n * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(Math.min(wait, 50_000_000L));
          continue;
        }
        int m = (int) (n % media);
        long round = n / media + 1;
        producer.send(
            new ProducerRecord<>(
                Topics.MEDIA_INSIGHTS.name(),
                "load-" + m,
                snapshot(
                    "load-" + m,
                    "load-account-" + (m % 200),
                    posted,
                    Instant.now(),
                    round * (m % 50 + 1))));
        sent.incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static MediaInsightSnapshot snapshot(
      String media, String owner, Instant posted, Instant captured, long engagement) {
    return MediaInsightSnapshot.newBuilder()
        .setMediaId(media)
        .setOwnerId(owner)
        .setMediaType(MediaType.IMAGE)
        .setMediaProductType(MediaProductType.FEED)
        .setPostedAt(posted)
        .setCapturedAt(captured)
        .setApiVersion("v24.0")
        .setHashtags(List.of("tag-" + Math.floorMod(media.hashCode(), 50)))
        .setMetrics(Map.of("reach", engagement * 10, "views", engagement * 20, "likes", engagement))
        .setEngagement(engagement)
        .build();
  }

  private static KafkaProducer<String, MediaInsightSnapshot> producer(
      BenchBroker kafka, RegistryConfig registry, int lingerMs) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    return new KafkaProducer<>(
        props, new StringSerializer(), Topics.MEDIA_INSIGHTS.valueSerde(registry).serializer());
  }

  private static String percentiles(List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format(
        "n=%d p50=%d ms p99=%d ms max=%d ms",
        sorted.size(),
        sorted.get((int) Math.ceil(0.50 * sorted.size()) - 1),
        sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1),
        sorted.get(sorted.size() - 1));
  }

  /** Reads the account trends topic as analysts do (read_committed), noting when values arrive. */
  private static final class TrendWatcher implements Runnable {
    private final KafkaConsumer<String, AccountTrend> consumer;
    private final AtomicBoolean running;
    private final Map<String, Long> highest = new ConcurrentHashMap<>();
    private final Map<String, List<long[]>> arrivals = new ConcurrentHashMap<>();

    TrendWatcher(String bootstrap, RegistryConfig registry, AtomicBoolean running) {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      props.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-watcher");
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      this.consumer =
          new KafkaConsumer<>(
              props,
              new StringDeserializer(),
              Topics.ACCOUNT_TRENDS.valueSerde(registry).deserializer());
      this.running = running;
      consumer.subscribe(List.of(Topics.ACCOUNT_TRENDS.name()));
    }

    @Override
    public void run() {
      try (consumer) {
        while (running.get()) {
          for (ConsumerRecord<String, AccountTrend> r : consumer.poll(Duration.ofMillis(20))) {
            if (r.key() != null && r.key().startsWith(PROBE_ACCOUNT + "@") && r.value() != null) {
              long now = System.currentTimeMillis();
              arrivals
                  .computeIfAbsent(r.key(), k -> Collections.synchronizedList(new ArrayList<>()))
                  .add(new long[] {r.value().getEngagementGained(), now});
              highest.merge(r.key(), r.value().getEngagementGained(), Math::max);
            }
          }
        }
      }
    }

    /** Ms from capture to the first arrival of a value of at least {@code expected} for the key. */
    long awaitAtLeast(String key, long expected, Instant captured) throws InterruptedException {
      long deadline = System.nanoTime() + GIVE_UP.toNanos();
      while (System.nanoTime() < deadline) {
        if (highest.getOrDefault(key, Long.MIN_VALUE) >= expected) {
          synchronized (arrivals.get(key)) {
            for (long[] a : arrivals.get(key)) {
              if (a[0] >= expected) {
                return a[1] - captured.toEpochMilli();
              }
            }
          }
        }
        TimeUnit.MILLISECONDS.sleep(2);
      }
      throw new IllegalStateException("the topic never showed " + expected + " for " + key);
    }
  }
}
