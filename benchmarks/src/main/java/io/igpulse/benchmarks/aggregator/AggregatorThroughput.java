package io.igpulse.benchmarks.aggregator;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.service.StreamsSettings;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.runtime.clock.ServiceClock;
import io.igpulse.schemas.serde.RegistryConfig;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.registry.Registries;
import io.igpulse.testkit.registry.SchemaRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Snapshots per second through the whole aggregator topology (exactly-once, default cache, one
 * stream thread), against a plain consumer decoding the same topic in the same run; the ratio is
 * the figure (target >= 0.25). Real broker and registry stand-in on loopback; the broker runs in
 * this JVM, or in a JVM of its own (see {@link BenchBroker}: {@code -Dbench.broker=child}, {@code
 * -Dbench.bootstrap=...}); either way broker, clients and app share the machine's cores.
 *
 * <p>Args: {@code [snapshots=200000] [media=20000] [accounts=500] [hashtags=200]}.
 */
public final class AggregatorThroughput {

  /** Event times start 3 days back: within the broker's accepted range and the stores' reach. */
  private static final Instant BASE =
      Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);

  public static void main(String[] args) throws Exception {
    int snapshots = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int media = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int hashtags = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    // -Dbench.warmup=N: snapshots both readers go through first, unmeasured, so the measured run
    // finds the JIT done. The figure of record stays cold (0): warming helps the plain consumer
    // far more than the topology (measured 2026-11-26: 497,475/s vs 5,338/s warm, ratio 0.011).
    int warmup = Integer.getInteger("bench.warmup", 0);
    int warmRounds = warmup / media;
    int rounds = snapshots / media;
    Workload workload = new Workload(media, accounts, hashtags);
    TopologyUnderTest topology = TopologyUnderTest.fromCommandLine();
    String app = "aggregator-bench";
    String stateDir = Files.createTempDirectory("aggregator-bench").toString();
    try (BenchBroker kafka = BenchBroker.fromCommandLine();
        SchemaRegistry registry = Registries.start();
        KafkaConsumer<String, MediaInsightSnapshot> plain =
            plainConsumer(kafka, registry.config())) {
      System.out.println(kafka.description());
      if (warmRounds > 0) {
        produce(kafka, registry.config(), workload, 0, warmRounds);
        long plainStart = System.nanoTime();
        read(plain, warmRounds * media);
        double plainSeconds = seconds(plainStart);
        long topologyStart = System.nanoTime();
        runTopology(topology, kafka, registry.config(), app, stateDir, topologyStart);
        double topologySeconds = seconds(topologyStart);
        System.out.printf(
            "warm-up (cold JVM, %d snapshots): plain consumer %.0f/s, topology %.0f/s,"
                + " ratio %.3f%n",
            warmRounds * media,
            warmRounds * media / plainSeconds,
            warmRounds * media / topologySeconds,
            plainSeconds / topologySeconds);
      }
      long produceStart = System.nanoTime();
      produce(kafka, registry.config(), workload, warmRounds, warmRounds + rounds);
      double produceSeconds = seconds(produceStart);

      long plainStart = System.nanoTime();
      long read = read(plain, rounds * media);
      double plainSeconds = seconds(plainStart);

      // The same application and state directory as the warm-up: it resumes from its committed
      // offsets with its stores, as a restarted instance does; its start-up is in the figure.
      CpuUse cpuBefore = CpuUse.now(kafka);
      long topologyStart = System.nanoTime();
      double inputSeconds =
          runTopology(topology, kafka, registry.config(), app, stateDir, topologyStart);
      double topologySeconds = seconds(topologyStart);
      CpuUse cpuAfter = CpuUse.now(kafka);

      double plainRate = read / plainSeconds;
      double topologyRate = rounds * media / topologySeconds;
      System.out.printf(
          "snapshots=%d media=%d accounts=%d hashtags=%d warm-up=%d%n"
              + "produce: %.1f s (%.0f/s)%n"
              + "plain consumer (decoding Avro): %.1f s, %.0f snapshots/s%n"
              + "aggregator topology (%s): %.1f s, %.0f snapshots/s%n"
              + "  (input offsets committed after %.1f s; the rest is the repartitioned work"
              + " draining)%n"
              + "ratio topology/plain: %.3f%n",
          rounds * media,
          media,
          accounts,
          hashtags,
          warmRounds * media,
          produceSeconds,
          rounds * media / produceSeconds,
          plainSeconds,
          plainRate,
          topology.description(),
          topologySeconds,
          topologyRate,
          inputSeconds,
          topologyRate / plainRate);
      System.out.println(cpuAfter.minus(cpuBefore).describe(topologySeconds));
      boolean exact =
          topology == TopologyUnderTest.FULL
              ? verifyAccountTotals(kafka, registry.config(), workload, warmRounds + rounds)
              : verifyStageTotal(topology, workload, warmRounds + rounds);
      if (!exact) {
        // A figure from a run that lost or doubled work is no figure.
        System.exit(1);
      }
    }
  }

  /**
   * Checks the run's output, not just its speed: for each account, the engagement gained summed
   * over the windows that tile time without overlap (hourly windows on the hour, daily ones at
   * midnight UTC) must equal what its media gained in all rounds. A lost, doubled or dropped (too
   * late) delta shows as a difference. Reads committed trends only, as analysts do.
   */
  private static boolean verifyAccountTotals(
      BenchBroker kafka, RegistryConfig registry, Workload workload, int rounds) {
    Map<String, Long> expected = new HashMap<>();
    for (int m = 0; m < workload.media(); m++) {
      // Each media's last snapshot carries rounds * (m % 50 + 1), all of it gained since posting
      // (first seen within the first-snapshot credit).
      expected.merge(
          "account-" + (m % workload.accounts()), (long) rounds * (m % 50 + 1), Long::sum);
    }
    Map<String, io.igpulse.events.AccountTrend> latest = new HashMap<>();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, io.igpulse.events.AccountTrend> consumer =
        new KafkaConsumer<>(
            props,
            new StringDeserializer(),
            Topics.ACCOUNT_TRENDS.valueSerde(registry).deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.ACCOUNT_TRENDS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> latest.put(r.key(), r.value()));
      }
    }
    boolean exact = true;
    for (Duration size : List.of(Duration.ofHours(1), Duration.ofDays(1))) {
      Map<String, Long> summed = new HashMap<>();
      latest.values().stream()
          .filter(t -> Duration.between(t.getWindowStart(), t.getWindowEnd()).equals(size))
          .filter(t -> t.getWindowStart().toEpochMilli() % size.toMillis() == 0)
          .forEach(t -> summed.merge(t.getIgUserId(), t.getEngagementGained(), Long::sum));
      long wrong =
          expected.entrySet().stream()
              .filter(e -> !e.getValue().equals(summed.get(e.getKey())))
              .count();
      long expectedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
      long actualTotal = summed.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf(
          "output check, %s windows: %s (%d of %d accounts differ; engagement %,d expected, %,d"
              + " published)%n",
          size,
          wrong == 0 && summed.size() == expected.size() ? "EXACT" : "MISMATCH",
          wrong,
          expected.size(),
          expectedTotal,
          actualTotal);
      exact &= wrong == 0 && summed.size() == expected.size();
    }
    return exact;
  }

  /**
   * Checks a partial stage's sum: every snapshot's engagement ({@code decode}), or every media's
   * engagement gained over all rounds ({@code deltas}; {@code repartitioned} counts the by-account
   * side).
   */
  private static boolean verifyStageTotal(
      TopologyUnderTest topology, Workload workload, int rounds) {
    long perRound = 0;
    for (int m = 0; m < workload.media(); m++) {
      perRound += m % 50 + 1;
    }
    long expected =
        topology == TopologyUnderTest.DECODE
            ? perRound * rounds * (rounds + 1) / 2
            : perRound * rounds;
    long seen = topology.engagementSeen.get();
    System.out.printf(
        "output check, %s stage: %s (engagement %,d expected, %,d seen)%n",
        topology, expected == seen ? "EXACT" : "MISMATCH", expected, seen);
    return expected == seen;
  }

  /** The shape of the snapshot stream: every media re-snapshotted each 15-minute round. */
  private record Workload(int media, int accounts, int hashtags) {}

  /**
   * Where the cores went while the topology ran: this JVM's CPU time, the time its JIT compiler
   * threads report compiling (elapsed time, so it includes waiting for a core), and the broker
   * process's CPU time when it runs apart.
   */
  private record CpuUse(double harness, double jit, OptionalDouble broker) {

    static CpuUse now(BenchBroker kafka) {
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      var jit = ManagementFactory.getCompilationMXBean();
      return new CpuUse(
          os.getProcessCpuTime() / 1e9,
          jit.getTotalCompilationTime() / 1e3,
          kafka.brokerCpuSeconds());
    }

    CpuUse minus(CpuUse before) {
      return new CpuUse(
          harness - before.harness,
          jit - before.jit,
          broker.isPresent() && before.broker.isPresent()
              ? OptionalDouble.of(broker.getAsDouble() - before.broker.getAsDouble())
              : OptionalDouble.empty());
    }

    String describe(double wallSeconds) {
      String line =
          String.format(
              "CPU during the topology run (%.1f s wall): this JVM %.1f s (%.2f cores; its JIT"
                  + " compiler threads busy %.1f s, elapsed, summed over threads)",
              wallSeconds, harness, harness / wallSeconds, jit);
      if (broker.isPresent()) {
        line +=
            String.format(
                ", broker JVM %.1f s (%.2f cores)",
                broker.getAsDouble(), broker.getAsDouble() / wallSeconds);
      }
      return line;
    }
  }

  private static void produce(
      BenchBroker kafka, RegistryConfig registry, Workload workload, int fromRound, int toRound)
      throws Exception {
    Instant base = BASE;
    int media = workload.media();
    int accounts = workload.accounts();
    int hashtags = workload.hashtags();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
    try (KafkaProducer<String, MediaInsightSnapshot> producer =
        new KafkaProducer<>(
            props,
            new StringSerializer(),
            Topics.MEDIA_INSIGHTS.valueSerde(registry).serializer())) {
      for (int round = fromRound; round < toRound; round++) {
        for (int m = 0; m < media; m++) {
          // Each round is 15 minutes later: every media is re-snapshotted as the enricher would do.
          Instant captured = base.plus(Duration.ofMinutes(15L * round)).plusMillis(m);
          long engagement = (long) (round + 1) * (m % 50 + 1);
          MediaInsightSnapshot snapshot =
              MediaInsightSnapshot.newBuilder()
                  .setMediaId("media-" + m)
                  .setOwnerId("account-" + (m % accounts))
                  .setMediaType(MediaType.IMAGE)
                  .setMediaProductType(MediaProductType.FEED)
                  .setPostedAt(base.minus(Duration.ofMinutes(10)))
                  .setCapturedAt(captured)
                  .setApiVersion("v24.0")
                  .setHashtags(List.of("tag-" + (m % hashtags), "tag-" + ((m * 7) % hashtags)))
                  .setMetrics(
                      // A feed post's metrics: its follows feed the media-follows output too.
                      Map.of(
                          "reach",
                          engagement * 10,
                          "views",
                          engagement * 20,
                          "likes",
                          engagement,
                          "follows",
                          engagement / 10))
                  .setEngagement(engagement)
                  .build();
          producer.send(
              new ProducerRecord<>(Topics.MEDIA_INSIGHTS.name(), snapshot.getMediaId(), snapshot));
        }
      }
      producer.flush();
    }
  }

  private static KafkaConsumer<String, MediaInsightSnapshot> plainConsumer(
      BenchBroker kafka, RegistryConfig registry) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "plain-reader");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, MediaInsightSnapshot> consumer =
        new KafkaConsumer<>(
            props,
            new StringDeserializer(),
            Topics.MEDIA_INSIGHTS.valueSerde(registry).deserializer());
    consumer.subscribe(List.of(Topics.MEDIA_INSIGHTS.name()));
    return consumer;
  }

  /** Reads and decodes the next {@code expected} snapshots, touching a field of each. */
  private static long read(KafkaConsumer<String, MediaInsightSnapshot> consumer, int expected) {
    long read = 0;
    long checksum = 0;
    while (read < expected) {
      for (var record : consumer.poll(Duration.ofMillis(200))) {
        checksum += record.value().getEngagement();
        read++;
      }
    }
    System.out.println("plain checksum " + checksum);
    return read;
  }

  /**
   * Runs the topology until every snapshot went all the way through: the input offsets committed,
   * and then every repartition topic the application reads consumed and committed to its end (the
   * downstream sub-topologies lag behind the first one). Returns when the input alone was done.
   */
  private static double runTopology(
      TopologyUnderTest topology,
      BenchBroker kafka,
      RegistryConfig registry,
      String app,
      String stateDir,
      long start)
      throws Exception {
    AggregatorConfig config =
        new AggregatorConfig(
            kafka.bootstrapServers(),
            app,
            registry,
            List.of(WindowSpec.parse("PT1H/PT5M"), WindowSpec.parse("PT24H/PT1H")),
            Duration.parse(
                System.getProperty("bench.grace", AggregatorConfig.DEFAULT_GRACE.toString())),
            AggregatorConfig.DEFAULT_CATCH_UP_HORIZON,
            10,
            5,
            6,
            0.5,
            Duration.ofHours(1),
            ZoneOffset.UTC,
            0,
            0,
            "localhost",
            stateDir,
            Map.of(),
            ServiceClock.SYSTEM);
    // The production settings (exactly-once, commit interval, cache, error handlers), reading the
    // backlog.
    Properties props = StreamsSettings.of(config, 0);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // -Dstreams.<setting>=<value> tries a Streams setting against the production ones.
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("streams."))
        .forEach(name -> props.put(name.substring("streams.".length()), System.getProperty(name)));
    System.out.println("streams settings: " + props);
    KafkaStreams streams = new KafkaStreams(topology.build(config), props);
    try (Admin admin = kafka.admin()) {
      streams.start();
      Map<TopicPartition, Long> end = endOffsets(admin);
      while (!caughtUp(admin, app, end)) {
        Thread.sleep(100); // a benchmark harness polling lag, not a test
      }
      double inputSeconds = seconds(start);
      while (!repartitionsDrained(admin, app)) {
        Thread.sleep(100);
      }
      printRecordCounts(admin);
      printThreadMetrics(streams);
      System.out.printf(
          "stream thread CPU: %.1f s (the thread's own work, without the JIT and I/O threads)%n",
          streamThreadCpuSeconds());
      System.out.printf(
          "records dropped by the tasks (too late for their window, summed over tasks): %.0f%n",
          streams.metrics().entrySet().stream()
              .filter(e -> e.getKey().name().equals("dropped-records-total"))
              .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
              .sum());
      return inputSeconds;
    } finally {
      // Leaving the group lets the measured run (same application) start without waiting out the
      // warm-up instance's session.
      streams.close(
          CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
  }

  /**
   * CPU time of the stream threads so far: steadier than wall time on a machine whose cores the JIT
   * and the broker also want.
   */
  private static double streamThreadCpuSeconds() {
    var threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().matches(".*-StreamThread-\\d+")) {
        nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return nanos / 1e9;
  }

  /**
   * Whether the group committed every partition of the repartition topics up to its end (the input
   * topic is already done). Streams commits the consumer position, past the transaction markers,
   * once a partition is drained.
   */
  private static boolean repartitionsDrained(Admin admin, String app) throws Exception {
    // Committed offsets first, end offsets after: a record still unprocessed when the offsets were
    // read, or written since by processing one, is then beyond some committed offset.
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(app).partitionsToOffsetAndMetadata().get();
    List<String> repartitions =
        admin.listTopics().names().get().stream()
            .filter(t -> t.startsWith(app + "-") && t.endsWith("-repartition"))
            .toList();
    var request = new HashMap<TopicPartition, OffsetSpec>();
    admin
        .describeTopics(repartitions)
        .allTopicNames()
        .get()
        .forEach(
            (topic, description) ->
                description
                    .partitions()
                    .forEach(
                        p ->
                            request.put(
                                new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
    var end = admin.listOffsets(request).all().get();
    return end.entrySet().stream()
        .allMatch(
            e ->
                e.getValue().offset() == 0
                    || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset()));
  }

  /**
   * Where the stream thread's time went (ratios of the last metrics window) and the client metrics
   * that show waiting: transactions, producer buffer, fetches.
   */
  private static void printThreadMetrics(KafkaStreams streams) {
    Set<String> wanted =
        Set.of(
            "poll-ratio",
            "process-ratio",
            "commit-ratio",
            "punctuate-ratio",
            "blocked-time-ns-total",
            "thread-start-time",
            "commit-latency-avg",
            "poll-latency-avg",
            "process-latency-avg",
            "txn-commit-time-ns-total",
            "txn-send-offsets-time-ns-total",
            "txn-begin-time-ns-total",
            "flush-time-ns-total",
            "bufferpool-wait-time-ns-total",
            "bufferpool-wait-ratio",
            "poll-idle-ratio-avg",
            "fetch-latency-avg",
            "records-per-request-avg",
            "request-latency-avg",
            "batch-size-avg",
            "record-queue-time-avg",
            "produce-throttle-time-avg",
            "io-wait-ratio",
            "commit-total",
            "poll-total",
            "records-lag-max",
            "dropped-records-total");
    new TreeMap<>(
            streams.metrics().entrySet().stream()
                .filter(e -> wanted.contains(e.getKey().name()))
                .collect(
                    Collectors.toMap(
                        e ->
                            e.getKey().group()
                                + " "
                                + e.getKey().name()
                                + " "
                                + clientOf(e.getKey()),
                        e -> String.valueOf(e.getValue().metricValue()),
                        (a, b) -> a)))
        .forEach((name, value) -> System.out.printf("  %-110s %s%n", name, value));
  }

  private static String clientOf(org.apache.kafka.common.MetricName name) {
    String id = name.tags().getOrDefault("client-id", name.tags().getOrDefault("thread-id", ""));
    int at = id.indexOf("StreamThread");
    return at >= 0 ? id.substring(at) : id;
  }

  /**
   * Records written per topic: how much each input snapshot fans out inside and out of the
   * topology.
   */
  private static void printRecordCounts(Admin admin) throws Exception {
    for (String topic : new TreeSet<>(admin.listTopics().names().get())) {
      var partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      var request = new HashMap<TopicPartition, OffsetSpec>();
      partitions.forEach(p -> request.put(p, OffsetSpec.latest()));
      long total =
          admin.listOffsets(request).all().get().values().stream().mapToLong(i -> i.offset()).sum();
      System.out.printf("  %-70s %,d%n", topic, total);
    }
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
    var partitions =
        admin
            .describeTopics(List.of(Topics.MEDIA_INSIGHTS.name()))
            .allTopicNames()
            .get()
            .get(Topics.MEDIA_INSIGHTS.name())
            .partitions()
            .stream()
            .map(p -> new TopicPartition(Topics.MEDIA_INSIGHTS.name(), p.partition()))
            .toList();
    var request = new HashMap<TopicPartition, OffsetSpec>();
    partitions.forEach(p -> request.put(p, OffsetSpec.latest()));
    var result = admin.listOffsets(request).all().get();
    var end = new HashMap<TopicPartition, Long>();
    result.forEach((p, info) -> end.put(p, info.offset()));
    return end;
  }

  private static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> end)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return end.entrySet().stream()
        .allMatch(
            e ->
                committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue());
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
