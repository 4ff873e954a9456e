package io.igpulse.collector.kafka;

import io.igpulse.collector.discovery.Discovery;
import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.discovery.SeenMarker;
import io.igpulse.collector.discovery.SeenState;
import io.igpulse.collector.metrics.CollectorMetrics;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.graphapi.outcome.Backoff;
import io.igpulse.schemas.topic.Topics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each discovery together with its seen marker in one Kafka transaction, so that a crash
 * leaves both or neither: after a restart the seen topic says exactly what was emitted. All
 * transactions run on one named thread (a producer holds one transaction at a time); requests that
 * queue up meanwhile share the next transaction. Each transaction also commits the group's
 * positions with the consumer's group metadata, so an instance that lost its partitions in a
 * rebalance (a zombie) has its transaction refused by the broker instead of emitting twice.
 *
 * <p>A producer that can no longer even abort (a commit that timed out while the broker was away
 * leaves it so) is replaced: a new one from the factory, whose {@code initTransactions()} under the
 * same transactional id aborts whatever the old one left open, tried again with a doubling wait (1
 * s to 30 s) for as long as the broker stays away. Meanwhile the emitter is not ready and every
 * emit fails at once, releasing its media to be found again. Only a fenced producer (another
 * instance took over) or a thread that died ends emitting for good: then {@link #alive()} is false.
 */
public final class DiscoveryEmitter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryEmitter.class);
  private static final int MAX_REQUESTS_PER_TRANSACTION = 500;

  /** Keeps a transaction that deletes expired markers small, whatever a sweep found. */
  static final int MAX_TOMBSTONES_PER_TRANSACTION = 5_000;

  /**
   * What callers queue for the emitter's thread: media to emit, expired markers to forget, or a
   * barrier to complete once everything queued before it is done. (Java 17 has no pattern switch,
   * so the thread tells them apart with instanceof; the sealed type keeps the cases closed.)
   */
  private sealed interface Work permits Request, Barrier, Forget {}

  private record Request(
      String account, int partition, List<Discovery> items, CompletableFuture<Integer> done)
      implements Work {}

  private record Barrier(CompletableFuture<Void> done) implements Work {}

  private record Forget(List<SeenMarker> markers) implements Work {}

  private record GroupContext(
      ConsumerGroupMetadata metadata, Map<TopicPartition, OffsetAndMetadata> offsets) {}

  /** The wait while a replacement producer cannot initialize (the broker is still away). */
  static final Backoff REPLACEMENT_RETRIES =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 1.0);

  /**
   * How long a failed transaction keeps the emitter not ready unless one commits first: twice the
   * producer's default max.block.ms, so that during a broker outage, where each try blocks that
   * long before it fails, readiness stays down between tries; and an instance with nothing more to
   * emit is ready again on its own.
   */
  static final Duration FAILURE_HOLD = Duration.ofMinutes(2);

  /**
   * A transaction open longer than this waits on a broker that does not answer: one normally takes
   * milliseconds, while a try during an outage blocks up to max.block.ms (60 s) or, flushing,
   * delivery.timeout.ms (120 s) before it fails.
   */
  static final Duration STUCK_AFTER = Duration.ofSeconds(10);

  private final Supplier<Producer<String, byte[]>> producers;
  private volatile Producer<String, byte[]> producer;
  private final Serializer<MediaDiscovered> serializer;
  private final String seenTopic;
  private final SeenState seen;
  private final Predicate<String> owns;
  private final CollectorMetrics metrics;
  private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean fatal;
  private volatile boolean replacing;
  private volatile boolean drained;
  private volatile GroupContext group;
  private final long stuckAfterNanos;
  private final long failureHoldNanos;

  /** Whether the last transaction failed, and when (System.nanoTime()). */
  private volatile boolean lastFailed;

  private volatile long lastFailedAt;

  /**
   * When the open transaction began (System.nanoTime()); meaningful while {@code inTransaction}.
   */
  private volatile boolean inTransaction;

  private volatile long transactionBeganAt;

  /**
   * @param producers makes a transactional producer, {@code initTransactions()} not yet called,
   *     always with the same transactional id: one at start, another whenever the last one broke
   * @param owns whether this instance still owns an account (checked just before its transaction)
   */
  public DiscoveryEmitter(
      Supplier<Producer<String, byte[]>> producers,
      Serializer<MediaDiscovered> serializer,
      String seenTopic,
      SeenState seen,
      Predicate<String> owns,
      CollectorMetrics metrics) {
    this(producers, serializer, seenTopic, seen, owns, metrics, STUCK_AFTER, FAILURE_HOLD);
  }

  /** With readiness limits of a test's choosing. */
  DiscoveryEmitter(
      Supplier<Producer<String, byte[]>> producers,
      Serializer<MediaDiscovered> serializer,
      String seenTopic,
      SeenState seen,
      Predicate<String> owns,
      CollectorMetrics metrics,
      Duration stuckAfter,
      Duration failureHold) {
    this.stuckAfterNanos = stuckAfter.toNanos();
    this.failureHoldNanos = failureHold.toNanos();
    this.producers = producers;
    this.serializer = serializer;
    this.seenTopic = seenTopic;
    this.seen = seen;
    this.owns = owns;
    this.metrics = metrics;
    this.thread = new Thread(this::run, "collector-emitter");
    this.thread.setDaemon(true);
    this.thread.setUncaughtExceptionHandler(
        (t, e) -> LOG.error("Emitter thread ended unexpectedly: {}", e.toString(), e));
  }

  /** Fences any earlier instance with the same transactional id, then starts the thread. */
  public void start() {
    producer = producers.get();
    producer.initTransactions();
    thread.start();
  }

  /**
   * Whether it emits now: false while a producer is being replaced, while a transaction waits on
   * the broker longer than {@link #STUCK_AFTER}, after a transaction failed (until one commits, or
   * for {@link #FAILURE_HOLD}), and for good once fatal.
   */
  public boolean healthy() {
    return !fatal && !replacing && running && !drained && !failedRecently() && !stuck();
  }

  private boolean stuck() {
    return inTransaction && System.nanoTime() - transactionBeganAt > stuckAfterNanos;
  }

  private boolean failedRecently() {
    return lastFailed && System.nanoTime() - lastFailedAt < failureHoldNanos;
  }

  /**
   * False once emitting has ended for good while the service still runs (a fenced producer, a
   * thread that died): the process must be restarted, so liveness goes down.
   */
  public boolean alive() {
    return !running || (!fatal && thread.getState() != Thread.State.TERMINATED);
  }

  /** The group generation and positions the next transactions commit with. */
  public void updateGroup(
      ConsumerGroupMetadata metadata, Map<TopicPartition, OffsetAndMetadata> offsets) {
    group = offsets.isEmpty() ? null : new GroupContext(metadata, Map.copyOf(offsets));
  }

  /**
   * Emits already-claimed discoveries of one account; completes with the number written, on the
   * given context. Claims are confirmed on commit and released otherwise.
   */
  public Future<Integer> emit(
      Context context, String account, int partition, List<Discovery> items) {
    if (items.isEmpty()) {
      return Future.succeededFuture(0);
    }
    CompletableFuture<Integer> done = new CompletableFuture<>();
    if (!running || fatal) {
      seen.release(keys(items));
      return Future.failedFuture("emitter stopped");
    }
    if (replacing) {
      seen.release(keys(items));
      return Future.failedFuture("emitter waiting for Kafka");
    }
    Request request = new Request(account, partition, List.copyOf(items), done);
    queue.add(request);
    if (drained && queue.remove(request)) {
      // The thread is ending and drained the queue between the check above and the add.
      seen.release(keys(items));
      return Future.failedFuture("emitter stopped");
    }
    return Future.fromCompletionStage(done, context);
  }

  /**
   * Deletes expired markers from the seen topic (tombstones, in the next transactions, at most
   * {@link #MAX_TOMBSTONES_PER_TRANSACTION} in each). They are already gone from the seen state; a
   * transaction that fails is tried again, and should the producer be fenced they stay in the topic
   * until their partition is next loaded, and expire again then.
   */
  public void forget(List<SeenMarker> markers) {
    if (!running || fatal) {
      return;
    }
    for (int from = 0; from < markers.size(); from += MAX_TOMBSTONES_PER_TRANSACTION) {
      int to = Math.min(markers.size(), from + MAX_TOMBSTONES_PER_TRANSACTION);
      queue.add(new Forget(List.copyOf(markers.subList(from, to))));
    }
  }

  /**
   * Returns once every request queued before it has been committed or dropped: after revoking
   * accounts and waiting here, nothing more is written for them by this instance.
   */
  public void barrier(Duration timeout) {
    if (!running || !thread.isAlive()) {
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    Barrier barrier = new Barrier(done);
    queue.add(barrier);
    if (drained && queue.remove(barrier)) {
      return;
    }
    try {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("Emitter barrier did not complete in {}: {}", timeout, e.toString());
    }
  }

  private void run() {
    try {
      loop();
    } finally {
      failRemaining();
    }
  }

  private void loop() {
    while (running) {
      Work first;
      try {
        first = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (first == null) {
        continue;
      }
      List<Work> batch = new ArrayList<>();
      batch.add(first);
      queue.drainTo(batch, MAX_REQUESTS_PER_TRANSACTION);
      try {
        process(batch);
      } catch (RuntimeException | Error e) {
        // Never let this thread die with its callers waiting: whatever broke, stop emitting, so
        // that readiness goes down and the requests still queued fail (their media are released).
        fatal = true;
        LOG.error("Discovery emitter failed; this instance stops emitting: {}", e.toString());
        failBatch(batch, new IllegalStateException("emitter failed", e));
        if (e instanceof Error error) {
          throw error;
        }
      }
    }
  }

  private void process(List<Work> batch) {
    List<Request> requests = new ArrayList<>();
    List<SeenMarker> forgotten = new ArrayList<>();
    List<Barrier> barriers = new ArrayList<>();
    for (Work o : batch) {
      if (o instanceof Request r) {
        if (owns.test(r.account()) && !fatal) {
          requests.add(r);
        } else {
          // Revoked (or broken) meanwhile: the new owner finds these itself.
          seen.release(keys(r.items()));
          r.done().complete(0);
        }
      } else if (o instanceof Forget f && !fatal) {
        if (forgotten.isEmpty()
            || forgotten.size() + f.markers().size() <= MAX_TOMBSTONES_PER_TRANSACTION) {
          forgotten.addAll(f.markers());
        } else {
          queue.add(f); // the next transaction
        }
      } else if (o instanceof Barrier b) {
        barriers.add(b);
      }
    }
    if (!requests.isEmpty() || !forgotten.isEmpty()) {
      transact(requests, forgotten);
    }
    barriers.forEach(b -> b.done().complete(null));
  }

  private void transact(List<Request> requests, List<SeenMarker> forgotten) {
    List<SeenMarker> markers = new ArrayList<>();
    for (Request r : requests) {
      for (Discovery d : r.items()) {
        markers.add(new SeenMarker(d.key(), r.partition(), d.event().getDiscoveredAt()));
      }
    }
    transactionBeganAt = System.nanoTime();
    inTransaction = true;
    try {
      producer.beginTransaction();
      for (Request r : requests) {
        for (Discovery d : r.items()) {
          MediaDiscovered event = d.event();
          String topic = Topics.MEDIA_DISCOVERED.name();
          producer.send(
              new ProducerRecord<>(topic, event.getMediaId(), serializer.serialize(topic, event)));
          producer.send(
              new ProducerRecord<>(
                  seenTopic,
                  r.partition(),
                  d.key().encode(),
                  event.getDiscoveredAt().toString().getBytes(StandardCharsets.UTF_8)));
        }
      }
      for (SeenMarker m : forgotten) {
        producer.send(new ProducerRecord<>(seenTopic, m.partition(), m.key().encode(), null));
      }
      GroupContext g = group;
      // Positions go with discoveries only: a transaction of tombstones alone must not fail on a
      // group generation that a rebalance just ended.
      if (g != null && !requests.isEmpty()) {
        producer.sendOffsetsToTransaction(g.offsets(), g.metadata());
      }
      producer.commitTransaction();
      lastFailed = false;
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
      fatal = true;
      metrics.transaction("fenced");
      LOG.error(
          "Discovery producer can no longer write ({}); this instance stops emitting",
          e.toString());
      failAll(requests, markers, forgotten, e);
      return;
    } catch (RuntimeException e) {
      lastFailedAt = System.nanoTime();
      lastFailed = true;
      metrics.transaction("aborted");
      LOG.warn("Emit transaction aborted, its media will be found again: {}", e.toString());
      boolean aborted = false;
      try {
        producer.abortTransaction();
        aborted = true;
      } catch (RuntimeException abortFailed) {
        // A commit that timed out must be retried, never aborted; or the producer was closed
        // under this thread (halt, a close that outwaited the join). Either way it is done for.
        LOG.warn("Cannot abort the transaction: {}", abortFailed.toString());
      }
      failAll(requests, markers, forgotten, e);
      if (!aborted) {
        replaceProducer();
      }
      return;
    } finally {
      inTransaction = false;
    }
    // Committed: nothing below may count as a failed transaction.
    seen.confirm(markers);
    metrics.transaction("committed");
    metrics.seenExpired(forgotten.size());
    for (Request r : requests) {
      r.items().forEach(d -> metrics.discovered(d.event().getSource(), 1));
      r.done().complete(r.items().size());
    }
  }

  /**
   * Closes the broken producer and makes new ones until one initializes, failing what queues up
   * meanwhile. Ends early when the emitter closes; ends emitting for good when fenced.
   */
  private void replaceProducer() {
    if (!running) {
      fatal = true; // closing: the producer went with it
      return;
    }
    replacing = true;
    metrics.transaction("producer_replaced");
    closeQuietly(producer);
    int attempt = 0;
    while (running) {
      attempt++;
      Producer<String, byte[]> fresh = producers.get();
      try {
        fresh.initTransactions();
        producer = fresh;
        // The broker answered the new producer: the failure that led here is over.
        lastFailed = false;
        replacing = false;
        LOG.info("Discovery producer replaced; emitting again");
        return;
      } catch (ProducerFencedException | AuthorizationException e) {
        closeQuietly(fresh);
        fatal = true;
        replacing = false;
        LOG.error(
            "Discovery producer can no longer write ({}); this instance stops emitting",
            e.toString());
        return;
      } catch (RuntimeException e) {
        closeQuietly(fresh);
        LOG.warn(
            "No discovery producer yet ({}); next try in {}",
            e.toString(),
            REPLACEMENT_RETRIES.bound(attempt));
      }
      List<Work> waiting = new ArrayList<>();
      queue.drainTo(waiting);
      failBatch(waiting, new IllegalStateException("emitter waiting for Kafka"));
      // Tombstones are idempotent: they wait for the new producer.
      waiting.stream().filter(Forget.class::isInstance).forEach(queue::add);
      try {
        Thread.sleep(REPLACEMENT_RETRIES.bound(attempt).toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    fatal = true; // closed while waiting
    replacing = false;
  }

  private static void closeQuietly(Producer<String, byte[]> producer) {
    try {
      producer.close(Duration.ZERO);
    } catch (RuntimeException e) {
      LOG.debug("Closing a broken producer: {}", e.toString());
    }
  }

  private void failAll(
      List<Request> requests, List<SeenMarker> markers, List<SeenMarker> forgotten, Exception e) {
    seen.release(markers.stream().map(SeenMarker::key).toList());
    requests.forEach(r -> r.done().completeExceptionally(e));
    if (!forgotten.isEmpty() && !fatal) {
      queue.add(new Forget(List.copyOf(forgotten))); // tombstones are idempotent: try again
    } else if (!forgotten.isEmpty()) {
      LOG.warn(
          "{} expired seen marker(s) stay in the seen topic until their partition is loaded again",
          forgotten.size());
    }
  }

  private void failRemaining() {
    drained = true; // before draining: an emit that adds after this takes its request back
    List<Work> left = new ArrayList<>();
    queue.drainTo(left);
    failBatch(left, new IllegalStateException("emitter stopped"));
  }

  /** Completes every request and barrier of these that is still open; releases their media. */
  private void failBatch(List<Work> batch, Exception cause) {
    for (Work o : batch) {
      if (o instanceof Request r && !r.done().isDone()) {
        seen.release(keys(r.items()));
        r.done().completeExceptionally(cause);
      } else if (o instanceof Barrier b) {
        b.done().complete(null);
      }
    }
  }

  private static List<SeenKey> keys(List<Discovery> items) {
    return items.stream().map(Discovery::key).toList();
  }

  /**
   * Stops at once, as a crash would: the open transaction is neither committed nor aborted (the
   * broker aborts it when this transactional id starts again or times it out). Tests only.
   */
  public void halt() {
    running = false;
    fatal = true;
    producer.close(Duration.ZERO);
    // A commit in flight may otherwise wait out max.block.ms on a producer that is gone.
    thread.interrupt();
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(30_000);
      if (thread.isAlive()) {
        LOG.warn("Emitter thread still busy after 30 s; interrupting it and closing its producer");
        thread.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Producer<String, byte[]> last = producer;
    if (last == null) {
      return; // never started
    }
    try {
      last.close(Duration.ofSeconds(10));
    } catch (KafkaException e) {
      LOG.warn("Closing the discovery producer: {}", e.toString());
    }
  }
}
