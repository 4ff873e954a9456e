package io.igpulse.runtime;

import io.vertx.core.Future;

/** A service the launcher can start and stop: start fails its future when any part cannot start. */
public interface Service extends AutoCloseable {

  Future<Void> start();

  /** Stops gracefully: not ready first, then drains and commits, then closes ports. Idempotent. */
  @Override
  void close();
}
