package io.igpulse.benchmarks.simulator;

import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaKind;
import io.igpulse.simulator.world.World;
import io.igpulse.simulator.world.WorldSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's scale targets: a world of 10,000 accounts and 1,000,000 media in at most 1 GiB of
 * heap, and at least 5,000 media-insight requests per second over loopback. Run with {@code
 * -Xmx1g}; the load is bounded in time and count and only ever goes to 127.0.0.1.
 */
public final class SimulatorBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorBenchmark.class);
  private static final int ACCOUNTS = 10_000;
  private static final int MEDIA_PER_ACCOUNT = 100;
  private static final int CONNECTIONS = 32;
  private static final int IN_FLIGHT = 128;
  private static final long WARMUP_MS = 5_000;
  private static final long MEASURE_MS = 20_000;
  private static final long MAX_REQUESTS = 2_000_000;

  private SimulatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    SimulatorConfig config =
        SimulatorConfig.of(42, ACCOUNTS)
            .withWorld(WorldSpec.of(42, ACCOUNTS).withMediaPerAccount(MEDIA_PER_ACCOUNT));
    long before = usedHeap();
    try (Simulator simulator = Simulator.start(config)) {
      World world = simulator.world();
      long media = 0;
      long stories = 0;
      for (int a = 0; a < world.accountCount(); a++) {
        media += world.schedule(a).postCount();
        stories += world.schedule(a).storyCount();
      }
      world.hashtagIndex();
      long heap = usedHeap() - before;
      LOG.info(
          "world: {} accounts, {} feed media (+{} stories), hashtag index built; heap used by the"
              + " running simulator: {} MiB (max heap {} MiB)",
          world.accountCount(),
          media,
          stories,
          heap / (1024 * 1024),
          Runtime.getRuntime().maxMemory() / (1024 * 1024));
      List<String> urls = insightUrls(simulator);
      LOG.info(
          "load: {} distinct insight calls, native transport: {}", urls.size(), nativeTransport());
      double rate = load(simulator, urls);
      LOG.info(
          "insights: {} req/s over {} s on loopback ({} connections, {} in flight); heap now {}"
              + " MiB",
          String.format("%.0f", rate),
          MEASURE_MS / 1000,
          CONNECTIONS,
          IN_FLIGHT,
          usedHeap() / (1024 * 1024));
    }
  }

  /** Insight calls that answer 200: post-business feed media, four metrics each. */
  private static List<String> insightUrls(Simulator simulator) {
    World world = simulator.world();
    long now = simulator.clock().nowEpochSecond();
    SplittableRandom random = new SplittableRandom(7);
    List<String> urls = new ArrayList<>();
    while (urls.size() < 20_000) {
      int a = random.nextInt(world.accountCount());
      Account account = world.account(a);
      int visible = world.schedule(a).postsVisibleAt(now);
      if (visible == 0) {
        continue;
      }
      Media m = world.post(a, random.nextInt(visible));
      if (m.createdSec() >= account.businessSinceSec()
          && now - m.createdSec() > 3_600
          && m.kind() != MediaKind.FEED_VIDEO) {
        urls.add(
            "/v24.0/"
                + m.id()
                + "/insights?metric=reach,likes,comments,saved&access_token="
                + account.token());
      }
    }
    return urls;
  }

  private static double load(Simulator simulator, List<String> urls) throws InterruptedException {
    Vertx vertx = Vertx.vertx(new io.vertx.core.VertxOptions().setPreferNativeTransport(true));
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(simulator.port())
                .setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(CONNECTIONS));
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong sent = new AtomicLong();
    long start = System.nanoTime();
    long warmupEnd = start + TimeUnit.MILLISECONDS.toNanos(WARMUP_MS);
    long end = warmupEnd + TimeUnit.MILLISECONDS.toNanos(MEASURE_MS);
    AtomicLong measured = new AtomicLong();
    CountDownLatch done = new CountDownLatch(IN_FLIGHT);
    AtomicLong cpuAtWarmupEnd = new AtomicLong(-1);
    vertx.setTimer(WARMUP_MS, id -> cpuAtWarmupEnd.set(processCpuNanos()));
    for (int i = 0; i < IN_FLIGHT; i++) {
      int lane = i;
      vertx.runOnContext(
          v -> next(client, urls, lane, sent, ok, failed, measured, warmupEnd, end, done));
    }
    done.await(WARMUP_MS + MEASURE_MS + 30_000, TimeUnit.MILLISECONDS);
    double cpuSeconds = (processCpuNanos() - cpuAtWarmupEnd.get()) / 1e9;
    LOG.info(
        "cpu: {} s of CPU for {} measured requests (server and load generator together): {}"
            + " requests per CPU-second; {} CPUs, system load average {}",
        String.format("%.1f", cpuSeconds),
        measured.get(),
        String.format("%.0f", measured.get() / cpuSeconds),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    vertx.close().toCompletionStage().toCompletableFuture().join();
    if (failed.get() > 0) {
      LOG.warn("{} requests failed or answered non-200", failed.get());
    }
    return measured.get() / (MEASURE_MS / 1000.0);
  }

  private static void next(
      HttpClient client,
      List<String> urls,
      int lane,
      AtomicLong sent,
      AtomicLong ok,
      AtomicLong failed,
      AtomicLong measured,
      long warmupEnd,
      long end,
      CountDownLatch done) {
    long n = sent.incrementAndGet();
    if (System.nanoTime() >= end || n > MAX_REQUESTS) {
      done.countDown();
      return;
    }
    String url = urls.get((int) ((n * 7919 + lane) % urls.size()));
    client
        .request(new RequestOptions().setMethod(HttpMethod.GET).setURI(url))
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> response.statusCode()))
        .onComplete(
            result -> {
              if (result.succeeded() && result.result() == 200) {
                ok.incrementAndGet();
                long now = System.nanoTime();
                if (now >= warmupEnd && now < end) {
                  measured.incrementAndGet();
                }
              } else {
                failed.incrementAndGet();
              }
              next(client, urls, lane, sent, ok, failed, measured, warmupEnd, end, done);
            });
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static boolean nativeTransport() {
    Vertx probe = Vertx.vertx(new io.vertx.core.VertxOptions().setPreferNativeTransport(true));
    boolean enabled = probe.isNativeTransportEnabled();
    probe.close();
    return enabled;
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
