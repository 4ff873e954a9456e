package io.igpulse.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A service's {@code /health/live} and {@code /health/ready} polled every 500 ms through a fault,
 * as an orchestrator's probes would, with what they said: live throughout, ready throughout, and
 * when it first said it was not ready.
 */
public final class HealthWatch {

  /** What a test does at each poll, such as sending the next round of load. */
  @FunctionalInterface
  public interface Step {
    void run() throws Exception;
  }

  private static final Duration EVERY = Duration.ofMillis(500);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String health;
  private boolean liveThroughout = true;
  private boolean readyThroughout = true;
  private long firstNotReadyMs = -1;

  private HealthWatch(int managementPort) {
    this.health = "http://127.0.0.1:" + managementPort + "/health/";
  }

  /**
   * Polls until {@code span} has gone by since {@code sinceNanos} ({@link System#nanoTime()}),
   * running {@code atEachPoll} first at every poll (to feed load through the fault).
   */
  public static HealthWatch watch(
      int managementPort, long sinceNanos, Duration span, Step atEachPoll) {
    HealthWatch watch = new HealthWatch(managementPort);
    Duration left = span.minusNanos(System.nanoTime() - sinceNanos);
    if (left.isNegative()) {
      left = Duration.ZERO;
    }
    await()
        .during(left)
        .atMost(left.plusSeconds(10))
        .pollInterval(EVERY)
        .until(
            () -> {
              atEachPoll.run();
              watch.poll(sinceNanos);
              return true;
            });
    return watch;
  }

  public static HealthWatch watch(int managementPort, long sinceNanos, Duration span) {
    return watch(managementPort, sinceNanos, span, () -> {});
  }

  private void poll(long sinceNanos) throws InterruptedException {
    boolean live = status("live") == 200;
    boolean ready = status("ready") == 200;
    liveThroughout &= live;
    readyThroughout &= ready;
    if (!ready && firstNotReadyMs < 0) {
      firstNotReadyMs = (System.nanoTime() - sinceNanos) / 1_000_000;
    }
  }

  /** How long after {@code sinceNanos} it first said it was not ready; -1 if it never did. */
  public long firstNotReadyMs() {
    return firstNotReadyMs;
  }

  public boolean liveThroughout() {
    return liveThroughout;
  }

  public boolean readyThroughout() {
    return readyThroughout;
  }

  /** Polls readiness until it says ready, and returns how long after {@code sinceNanos}. */
  public static long awaitReady(int managementPort, long sinceNanos, Duration atMost) {
    HealthWatch watch = new HealthWatch(managementPort);
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> watch.status("ready") == 200);
    return (System.nanoTime() - sinceNanos) / 1_000_000;
  }

  /** The probe's status; -1 when it does not answer (refused, reset or timed out), as "not ok". */
  private int status(String probe) throws InterruptedException {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(health + probe))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException noAnswer) {
      return -1;
    }
  }
}
