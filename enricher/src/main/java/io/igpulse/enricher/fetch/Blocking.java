package io.igpulse.enricher.fetch;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a Graph API future on the stream thread. Stream threads are not event loops, and the
 * read has to finish inside the Streams transaction that records it, so blocking here (bounded by a
 * timeout) is the point, not a shortcut.
 */
final class Blocking {

  private Blocking() {}

  /** The value, or empty when the call did not finish in time or failed as a future. */
  static <T> Optional<T> await(Future<T> future, Duration timeout) {
    try {
      return Optional.ofNullable(
          future
              .toCompletionStage()
              .toCompletableFuture()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
