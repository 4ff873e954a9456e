package io.igpulse.local;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local run from start to Ctrl-C: starts the stack, prints where everything is, prints a progress
 * line every few seconds, and on shutdown closes the stack.
 */
final class LocalRun {

  private static final Logger CONSOLE = LoggerFactory.getLogger("igpulse.console");
  private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);

  private LocalRun() {}

  /** Runs until the JVM is asked to stop; returns the exit code of a failed start. */
  static int run(LocalConfig config, Map<String, String> env) {
    CONSOLE.info("igpulse: starting ({})", config.dataDir().toAbsolutePath());
    LocalStack stack;
    try {
      stack = LocalStack.start(config, env, line -> CONSOLE.info("  {}", line));
    } catch (SetupException e) {
      System.err.println("igpulse: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      LOG.error("The local run failed to start", e);
      System.err.println(
          "igpulse: failed to start: "
              + e.getMessage()
              + " (details in "
              + config.dataDir().toAbsolutePath().resolve("logs/igpulse.log")
              + ")");
      return 1;
    }
    Banner.print(stack, CONSOLE::info);

    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "igpulse-progress"));
    ProgressReader reader =
        new ProgressReader(
            stack.bootstrapServers(),
            stack.aggregatorUrl(),
            stack.clock(),
            stack::followedAccounts);
    ticker.scheduleWithFixedDelay(
        () -> {
          try {
            CONSOLE.info(reader.read().line());
            stack.saveTime();
          } catch (RuntimeException e) {
            LOG.warn("Progress reading failed: {}", e.toString());
          }
        },
        config.progressSeconds(),
        config.progressSeconds(),
        TimeUnit.SECONDS);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  long start = System.nanoTime();
                  CONSOLE.info("igpulse: stopping");
                  ticker.shutdownNow();
                  awaitQuietly(ticker);
                  reader.close();
                  stack.close();
                  CONSOLE.info(
                      "igpulse: stopped in {} ms; data kept in {}",
                      Duration.ofNanos(System.nanoTime() - start).toMillis(),
                      config.dataDir().toAbsolutePath());
                  stopped.countDown();
                  LogManager.shutdown();
                },
                "igpulse-shutdown"));
    return waitForever(stopped);
  }

  private static int waitForever(CountDownLatch stopped) {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void awaitQuietly(ScheduledExecutorService ticker) {
    try {
      ticker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
