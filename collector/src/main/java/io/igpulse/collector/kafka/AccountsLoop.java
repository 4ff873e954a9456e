package io.igpulse.collector.kafka;

import io.igpulse.collector.discovery.AccountRegistry;
import io.igpulse.collector.discovery.SeenState;
import io.igpulse.collector.metrics.CollectorMetrics;
import io.igpulse.events.AccountRegistration;
import io.igpulse.graphapi.outcome.Backoff;
import io.igpulse.runtime.kafka.BrokerSilence;
import io.igpulse.runtime.log.LogSafe;
import io.igpulse.schemas.deadletter.DeadLetters;
import io.igpulse.schemas.serde.UndecodableRecordException;
import io.igpulse.schemas.topic.RecordDecoder;
import io.igpulse.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread: one group member reading {@code instagram.accounts} (its partitions are the
 * accounts this instance polls) and the co-partitioned webhook topic. On assignment it first loads
 * the seen markers of the new partitions, then re-reads their registrations from the start; on
 * revocation it stops their accounts and waits until nothing more is emitted for them. Undecodable
 * registrations go to the dead-letter topic and the loop carries on.
 */
public final class AccountsLoop implements Runnable, ConsumerRebalanceListener {

  private static final Logger LOG = LoggerFactory.getLogger(AccountsLoop.class);
  private static final String SERVICE = "collector";

  private final KafkaConsumer<String, byte[]> consumer;
  private final RecordDecoder<AccountRegistration> decoder;
  private final String webhookTopic;
  private final SeenLoader seenLoader;
  private final SeenState seen;
  private final AccountRegistry accounts;
  private final DiscoveryEmitter emitter;
  private final Producer<byte[], byte[]> deadLetters;
  private final CollectorMetrics metrics;
  private final WebhookPositions webhookPositions = new WebhookPositions();

  private final RegistrationCatchUp catchUp = new RegistrationCatchUp();

  private final Thread thread;

  /** The wait before joining again after timeouts in a row. */
  static final Backoff REJOINS =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 1.0);

  private volatile boolean running = true;
  private volatile boolean assignedOnce;
  private volatile boolean ended;
  private volatile boolean timedOut;

  /** The consumer's coordinator heartbeat metric, found at the first poll and read on demand. */
  private volatile Metric heartbeat;

  private volatile List<Integer> owned = List.of();

  public AccountsLoop(
      KafkaConsumer<String, byte[]> consumer,
      RecordDecoder<AccountRegistration> decoder,
      String webhookTopic,
      SeenLoader seenLoader,
      SeenState seen,
      AccountRegistry accounts,
      DiscoveryEmitter emitter,
      Producer<byte[], byte[]> deadLetters,
      CollectorMetrics metrics) {
    this.consumer = consumer;
    this.decoder = decoder;
    this.webhookTopic = webhookTopic;
    this.seenLoader = seenLoader;
    this.seen = seen;
    this.accounts = accounts;
    this.emitter = emitter;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.thread = new Thread(this, "collector-accounts");
    this.thread.setDaemon(true);
    this.thread.setUncaughtExceptionHandler(
        (t, e) -> LOG.error("Accounts thread ended unexpectedly: {}", e.toString(), e));
    metrics.gauge(
        "igpulse.collector.webhooks.inflight",
        "webhook notifications read and not yet acted on (their position is not committed)",
        webhookPositions::size);
  }

  public void start() {
    thread.start();
  }

  /**
   * True once the group gave this instance its (possibly empty) share, until the loop ends: an
   * instance whose consumer stopped must not look ready.
   */
  public boolean assigned() {
    return assignedOnce && !ended;
  }

  /**
   * Whether the brokers are away: the consumer has gone {@link BrokerSilence#SILENT_AFTER} without
   * a coordinator heartbeat, or its last call timed out. The loop keeps polling meanwhile.
   */
  public boolean brokersSilent() {
    Metric h = heartbeat;
    return timedOut || (h != null && BrokerSilence.isSilent(h));
  }

  /** Accounts partitions this instance owns now. */
  public List<Integer> ownedPartitions() {
    return owned;
  }

  /** False until the loop ended while it was meant to run (liveness then goes down). */
  public boolean endedUnexpectedly() {
    return ended && running;
  }

  @Override
  public void run() {
    try {
      int timeoutsInARow = 0;
      boolean subscribed = false;
      while (running) {
        try {
          if (!subscribed) {
            consumer.subscribe(List.of(Topics.ACCOUNTS.name(), webhookTopic), this);
            subscribed = true;
          }
          pollOnce();
          timedOut = false;
          if (heartbeat == null) {
            heartbeat = BrokerSilence.heartbeat(consumer.metrics()).orElse(null);
          }
          timeoutsInARow = 0;
        } catch (KafkaException e) {
          if (!isTimeout(e)) {
            throw e;
          }
          // position(), endOffsets or the seen-topic load timed out: the broker is away. Leaving
          // the group revokes this instance's accounts; joining again reloads their seen state.
          timedOut = true;
          Duration wait = REJOINS.bound(++timeoutsInARow);
          LOG.warn("Accounts consumer timed out ({}); joining again in {}", e, wait);
          leaveGroup();
          subscribed = false;
          if (!pause(wait.toMillis())) {
            break;
          }
        }
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.error("Accounts consumer woken unexpectedly", e);
      }
    } catch (RuntimeException e) {
      LOG.error("Accounts consumer stopped: {}", e.toString(), e);
    } finally {
      ended = true;
      try {
        // Rethrows what a revocation callback threw while leaving the group.
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
      } catch (RuntimeException e) {
        LOG.warn("Closing the accounts consumer: {}", e.toString());
      }
      seenLoader.close();
    }
  }

  private void pollOnce() {
    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
    // Registrations first: a notification read in the same poll as its account's registration
    // then finds the account polled (both reach the event loop in this order).
    List<TopicPartition> partitions = new ArrayList<>(records.partitions());
    partitions.sort(Comparator.comparing((TopicPartition tp) -> !isAccounts(tp)));
    for (TopicPartition tp : partitions) {
      try {
        if (isAccounts(tp)) {
          registrations(tp, records.records(tp));
        } else {
          webhooks(tp, records.records(tp));
        }
      } catch (RetryLater e) {
        // Seeked back: the rest of this partition's batch is polled again.
      }
    }
    tellCaughtUp();
    publishGroup();
  }

  /** Whether a timeout, thrown as such or wrapped by a rebalance callback, caused this. */
  static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private void leaveGroup() {
    try {
      consumer.unsubscribe();
    } catch (RuntimeException e) {
      LOG.warn("Leaving the accounts group: {}", e.toString());
    }
  }

  /** Waits, in short steps so that a close is not held up; false when closed or interrupted. */
  private boolean pause(long millis) {
    long until = System.nanoTime() + millis * 1_000_000;
    try {
      while (running && System.nanoTime() < until) {
        Thread.sleep(Math.min(100, millis));
      }
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void registrations(TopicPartition tp, List<ConsumerRecord<String, byte[]>> records) {
    // Only the last registration of each account in a batch counts (the partition is re-read from
    // its start on assignment): an account deactivated later in the batch is never started.
    Map<String, AccountRegistration> latest = new LinkedHashMap<>();
    try {
      for (ConsumerRecord<String, byte[]> r : records) {
        if (r.key() == null) {
          deadLetter(r, "registration without key", null);
          continue;
        }
        if (r.value() == null) {
          latest.remove(r.key());
          latest.put(r.key(), null);
          continue;
        }
        AccountRegistration registration;
        try {
          registration = decoder.decode(r);
        } catch (UndecodableRecordException e) {
          if (!e.reason().isPoison()) {
            // The registry is unreachable: read this record again shortly, do not drop it.
            LOG.warn("Cannot decode registrations now ({}); retrying", e.reason());
            readAgain(tp, r.offset());
            return;
          }
          deadLetter(r, "undecodable account registration", e);
          continue;
        }
        if (!registration.getIgUserId().equals(r.key())) {
          LOG.warn(
              "Registration under key {} names account {}; the key wins",
              LogSafe.text(r.key()),
              LogSafe.text(registration.getIgUserId()));
        }
        latest.remove(r.key());
        latest.put(r.key(), registration);
      }
    } finally {
      latest.forEach((account, reg) -> accounts.applyRegistration(account, reg, tp.partition()));
    }
  }

  private void webhooks(TopicPartition tp, List<ConsumerRecord<String, byte[]>> records) {
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.key() == null || r.value() == null) {
        continue;
      }
      Optional<WebhookValue> value = WebhookValue.parse(r.value());
      if (value.isPresent()) {
        WebhookPositions.Ticket ticket = webhookPositions.started(tp, r.offset());
        accounts
            .handleWebhook(r.key(), value.get().field(), value.get().mediaId(), tp.partition())
            .onComplete(done -> webhookPositions.done(ticket));
      }
    }
  }

  private void deadLetter(ConsumerRecord<String, byte[]> r, String reason, Exception e) {
    byte[] key = r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8);
    try {
      deadLetters
          .send(
              DeadLetters.of(
                  SERVICE,
                  new DeadLetters.Origin(r.topic(), r.partition(), r.offset()),
                  key,
                  r.value(),
                  r.headers(),
                  reason,
                  e))
          .get(30, TimeUnit.SECONDS);
      metrics.deadLettered();
      LOG.warn(
          "Dead-lettered {} at {}-{}@{}: {}",
          reason,
          r.topic(),
          r.partition(),
          r.offset(),
          e == null ? "" : e.getMessage());
    } catch (Exception failed) {
      // Without the dead letter acknowledged the record must not be passed: read it again.
      LOG.error("Dead letter not written ({}); retrying the record", failed.toString());
      readAgain(new TopicPartition(r.topic(), r.partition()), r.offset());
      throw new RetryLater();
    }
  }

  /** Unwinds the current batch so that the seeked record is polled again. */
  private static final class RetryLater extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetryLater() {
      super(null, null, false, false);
    }
  }

  private static boolean isAccounts(TopicPartition tp) {
    return tp.topic().equals(Topics.ACCOUNTS.name());
  }

  /**
   * A registration must be read again in a second (registry unreachable, dead letter not written):
   * until it is, the registry must not take a notification's account for unfollowed.
   */
  private void readAgain(TopicPartition tp, long offset) {
    consumer.seek(tp, offset);
    if (catchUp.readAgain(tp, offset)) {
      accounts.markLoading(tp.partition());
    }
    pause(Duration.ofSeconds(1));
  }

  /** Tells the registry of each accounts partition whose registrations have all been read. */
  private void tellCaughtUp() {
    catchUp.caughtUp(consumer::position).forEach(accounts::markCaughtUp);
  }

  private void publishGroup() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) {
      long position = consumer.position(tp);
      if (tp.topic().equals(webhookTopic)) {
        position = webhookPositions.committable(tp, position);
      }
      offsets.put(tp, new OffsetAndMetadata(position));
    }
    emitter.updateGroup(consumer.groupMetadata(), offsets);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    webhookPositions.forget(partitions);
    catchUp.forget(partitions);
    List<Integer> revoked = accountsPartitions(partitions);
    if (revoked.isEmpty()) {
      return;
    }
    List<String> stopped = accounts.revoke(revoked);
    // After this, nothing of the revoked accounts is in flight: the next owner starts clean.
    emitter.barrier(Duration.ofSeconds(60));
    // Only now: a transaction committed before the barrier confirms its markers into the state.
    seen.forget(stopped);
    // Also the markers of accounts loaded with these partitions but not polled (deactivated).
    seen.forgetPartitions(revoked);
    List<Integer> left = new ArrayList<>(owned);
    left.removeAll(revoked);
    owned = List.copyOf(left);
    LOG.info("Revoked accounts partitions {}", revoked);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    onPartitionsRevoked(partitions);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    List<Integer> assigned = accountsPartitions(partitions);
    seenLoader.load(assigned, seen);
    List<TopicPartition> tps =
        assigned.stream().map(p -> new TopicPartition(Topics.ACCOUNTS.name(), p)).toList();
    // A compacted topic is state: the whole partition is read again to know its accounts.
    consumer.seekToBeginning(tps);
    // read_committed: the last stable offsets, which the position reaches once all is read.
    catchUp.readUpTo(consumer.endOffsets(tps));
    List<Integer> now = new ArrayList<>(owned);
    now.addAll(assigned);
    owned = List.copyOf(now.stream().distinct().sorted().toList());
    publishGroup();
    assignedOnce = true;
    LOG.info("Assigned accounts partitions {} (own {})", assigned, owned);
  }

  private static List<Integer> accountsPartitions(Collection<TopicPartition> partitions) {
    return partitions.stream()
        .filter(tp -> tp.topic().equals(Topics.ACCOUNTS.name()))
        .map(TopicPartition::partition)
        .sorted()
        .toList();
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(30_000);
      if (thread.isAlive()) {
        LOG.warn("Accounts thread still busy after 30 s (a partition load or a rebalance)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
