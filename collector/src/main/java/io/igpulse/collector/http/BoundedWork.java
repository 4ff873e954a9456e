package io.igpulse.collector.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The blocking part of HTTP requests (Kafka sends that wait for acknowledgement, reads of the
 * accounts topic) on a named pool of {@code workers} threads, with at most {@code queue} more
 * requests waiting. Requests run side by side, not one at a time, and when every place is taken the
 * next is refused at once (the caller answers {@link #busy 503 with Retry-After}) and counted,
 * instead of queueing without bound behind a slow broker.
 */
public final class BoundedWork implements AutoCloseable {

  /** Seconds a refused caller is asked to wait; Meta retries webhook deliveries on its own. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private final WorkerExecutor executor;
  private final Admission admission;
  private final Runnable onRefused;

  /**
   * @param name names the pool's threads and the meters' {@code route} label
   * @param onRefused counts a refusal
   */
  public BoundedWork(Vertx vertx, String name, int workers, int queue, Runnable onRefused) {
    if (workers < 1 || queue < 0) {
      throw new IllegalArgumentException(
          name + ": workers must be >= 1 and queue >= 0, got " + workers + " and " + queue);
    }
    this.executor = vertx.createSharedWorkerExecutor("igpulse-" + name, workers);
    this.admission = new Admission(workers + queue);
    this.onRefused = onRefused;
  }

  /** Runs {@code task} on the pool; empty when no place is free. */
  public <T> Optional<Future<T>> submit(Callable<T> task) {
    return admit(() -> executor.executeBlocking(task, false));
  }

  /**
   * Admits asynchronous work that holds its place until its future completes (an import: a Graph
   * API call, then writes); empty when no place is free.
   */
  public <T> Optional<Future<T>> admit(Supplier<Future<T>> work) {
    if (!admission.tryEnter()) {
      onRefused.run();
      return Optional.empty();
    }
    Future<T> future;
    try {
      future = work.get();
    } catch (RuntimeException e) {
      admission.leave();
      throw e;
    }
    return Optional.of(future.andThen(done -> admission.leave()));
  }

  /** Whether no place is free now: lets a route refuse before it reads a request's body. */
  public boolean full() {
    return admission.inProgress() >= admission.capacity();
  }

  /** Requests running or waiting now. */
  public int inProgress() {
    return admission.inProgress();
  }

  /** The answer to a refused request: 503, {@code Retry-After}, a JSON message. */
  public static void busy(RoutingContext ctx) {
    ctx.response()
        .setStatusCode(503)
        .putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", "too many requests in progress; retry later").encode());
  }

  @Override
  public void close() {
    executor.close();
  }
}
