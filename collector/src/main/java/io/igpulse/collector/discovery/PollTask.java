package io.igpulse.collector.discovery;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Supplier;

/** One source of an account, read every {@code interval}, first after {@code firstDelay}. */
record PollTask(
    String name, Duration interval, Duration firstDelay, Supplier<Future<TaskResult>> run) {}
