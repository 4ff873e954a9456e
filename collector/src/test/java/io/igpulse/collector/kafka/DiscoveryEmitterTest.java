package io.igpulse.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.igpulse.collector.discovery.Discovery;
import io.igpulse.collector.discovery.SeenExpiry;
import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.discovery.SeenState;
import io.igpulse.collector.metrics.CollectorMetrics;
import io.igpulse.events.DiscoverySource;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the emitter's one thread survives a transaction that fails. Kafka's own MockProducer stands
 * in for the broker here, because these failures (a commit that timed out and cannot be aborted, a
 * broker away for several tries, a fenced replacement, a commit refused once) cannot be brought
 * about on demand with a real one; the ITs cover the real path.
 */
class DiscoveryEmitterTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();

  /** Every producer the emitter made, in order; the next {@code initFailures} fail to start. */
  private final List<MockProducer<String, byte[]>> made = new CopyOnWriteArrayList<>();

  private final AtomicInteger initFailures = new AtomicInteger();
  private final AtomicBoolean fencedNext = new AtomicBoolean();
  private final SeenState seen = new SeenState(new SeenExpiry(SeenExpiry.DEFAULT));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final DiscoveryEmitter emitter =
      new DiscoveryEmitter(
          this::newProducer,
          (topic, event) -> event.getMediaId().getBytes(StandardCharsets.UTF_8),
          "seen",
          seen,
          account -> true,
          new CollectorMetrics(meters));

  @AfterEach
  void stop() {
    emitter.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private MockProducer<String, byte[]> newProducer() {
    MockProducer<String, byte[]> p =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    if (fencedNext.getAndSet(false)) {
      p.initTransactionException = new ProducerFencedException("another instance took over");
    } else if (initFailures.getAndDecrement() > 0) {
      p.initTransactionException = new TimeoutException("broker away");
    }
    made.add(p);
    return p;
  }

  private MockProducer<String, byte[]> current() {
    return made.get(made.size() - 1);
  }

  /** A commit that timed out while the broker was away: Kafka then refuses to abort it. */
  private static void commitTimesOut(MockProducer<String, byte[]> p) {
    p.commitTransactionException = new TimeoutException("commit timed out");
    p.abortTransactionException =
        new IllegalStateException("the previous commitTransaction timed out and must be retried");
  }

  @Test
  void shouldReplaceAProducerThatCannotAbortAndEmitAgain() throws Exception {
    emitter.start();
    MockProducer<String, byte[]> first = current();
    Discovery story = discovery("s1");
    assertThat(seen.claim(story.key())).isTrue();
    commitTimesOut(first);

    assertFails(emit(story));
    assertThat(seen.claim(story.key())).as("released: found again at the next poll").isTrue();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> made.size() == 2);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(emitter::healthy);

    assertThat(first.closed()).isTrue();
    assertThat(current().transactionInitialized()).isTrue();
    assertThat(emit(story).get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(current().history())
        .extracting(r -> r.topic() + "/" + r.key())
        .containsExactly("instagram.media.discovered/s1", "seen/" + story.key().encode());
    assertThat(emitter.alive()).isTrue();
    assertThat(replaced()).isEqualTo(1.0);
  }

  @Test
  void shouldKeepTryingANewProducerWhileTheBrokerIsAwayAndFailEmitsMeanwhile() throws Exception {
    emitter.start();
    commitTimesOut(current());
    initFailures.set(2); // the broker stays away for two more tries (1 s, then 2 s of waiting)

    assertFails(emit(discovery("s1")));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !emitter.healthy());
    Discovery meanwhile = discovery("s2");
    assertThat(seen.claim(meanwhile.key())).isTrue();
    assertFails(emit(meanwhile));
    assertThat(seen.claim(meanwhile.key())).as("released at once").isTrue();
    assertThat(emitter.alive()).as("waiting for the broker is not dead").isTrue();

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(emitter::healthy);
    assertThat(made).hasSize(4);
    assertThat(made.subList(0, 3)).allMatch(MockProducer::closed);
    assertThat(emit(meanwhile).get(10, TimeUnit.SECONDS)).isEqualTo(1);
  }

  @Test
  void shouldStopForGoodAndReportNotAliveWhenTheReplacementIsFenced() {
    emitter.start();
    commitTimesOut(current());
    fencedNext.set(true);

    assertFails(emit(discovery("s1")));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !emitter.alive());

    assertThat(emitter.healthy()).isFalse();
    assertFails(emit(discovery("s2")));
  }

  private double replaced() {
    return meters
        .get("igpulse.collector.transactions")
        .tag("outcome", "producer_replaced")
        .counter()
        .count();
  }

  @Test
  void shouldReleaseTheMediaOfARefusedCommitAndEmitThemOnTheNextTry() throws Exception {
    emitter.start();
    Discovery story = discovery("s1");
    seen.claim(story.key());
    current().commitTransactionException = new KafkaException("coordinator not available");

    assertFails(emit(story));

    assertThat(emitter.healthy()).as("not ready until a transaction commits").isFalse();
    assertThat(emitter.alive()).isTrue();
    assertThat(current().history()).isEmpty();
    current().commitTransactionException = null;
    assertThat(seen.claim(story.key())).isTrue();
    assertThat(emit(story).get()).isEqualTo(1);
    assertThat(emitter.healthy()).isTrue();
    assertThat(current().history())
        .extracting(r -> r.topic() + "/" + r.key())
        .containsExactly("instagram.media.discovered/s1", "seen/" + story.key().encode());
    assertThat(seen.isSeen(story.key())).isTrue();
    assertThat(meters.get("igpulse.collector.transactions").tag("outcome", "aborted").counter())
        .extracting(c -> c.count())
        .isEqualTo(1.0);
  }

  /**
   * An instance with nothing more to emit after a failed transaction is ready again once the hold
   * has passed: a failure never leaves it out of rotation for good.
   */
  @Test
  void shouldBeReadyAgainAfterTheHoldWhenNothingMoreIsEmitted() {
    DiscoveryEmitter held =
        new DiscoveryEmitter(
            this::newProducer,
            (topic, event) -> event.getMediaId().getBytes(StandardCharsets.UTF_8),
            "seen",
            seen,
            account -> true,
            new CollectorMetrics(meters),
            DiscoveryEmitter.STUCK_AFTER,
            Duration.ofMillis(500));
    held.start();
    try {
      current().commitTransactionException = new KafkaException("broker away");
      assertFails(
          held.emit(context, "1784", 0, List.of(discovery("s1")))
              .toCompletionStage()
              .toCompletableFuture());

      assertThat(held.healthy()).isFalse();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(held::healthy);
    } finally {
      held.close();
    }
  }

  /** A transaction that waits on the broker makes the emitter not ready until it is done. */
  @Test
  void shouldNotBeReadyWhileATransactionWaitsOnTheBroker() throws Exception {
    CountDownLatch brokerBack = new CountDownLatch(1);
    DiscoveryEmitter waiting =
        new DiscoveryEmitter(
            () ->
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
                  @Override
                  public void commitTransaction() {
                    try {
                      brokerBack.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    super.commitTransaction();
                  }
                },
            (topic, event) -> event.getMediaId().getBytes(StandardCharsets.UTF_8),
            "seen",
            seen,
            account -> true,
            new CollectorMetrics(meters),
            Duration.ofMillis(300),
            DiscoveryEmitter.FAILURE_HOLD);
    waiting.start();
    try {
      assertThat(waiting.healthy()).isTrue();
      CompletableFuture<Integer> emitted =
          waiting
              .emit(context, "1784", 0, List.of(discovery("s1")))
              .toCompletionStage()
              .toCompletableFuture();

      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !waiting.healthy());
      assertThat(waiting.alive()).isTrue();
      brokerBack.countDown();
      assertThat(emitted.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(waiting.healthy()).isTrue();
    } finally {
      brokerBack.countDown();
      waiting.close();
    }
  }

  /** Completed with a failure within 10 s (a future left pending fails the test too). */
  private static void assertFails(CompletableFuture<Integer> future) {
    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
  }

  private CompletableFuture<Integer> emit(Discovery d) {
    return emitter
        .emit(context, d.key().account(), 0, List.of(d))
        .toCompletionStage()
        .toCompletableFuture();
  }

  private static Discovery discovery(String mediaId) {
    SeenKey key = new SeenKey("1784", DiscoverySource.STORY, null, mediaId);
    MediaDiscovered event =
        MediaDiscovered.newBuilder()
            .setMediaId(mediaId)
            .setOwnerId("1784")
            .setFollowedAccountId("1784")
            .setMediaType(MediaType.IMAGE)
            .setMediaProductType(MediaProductType.STORY)
            .setPostedAt(NOW.minusSeconds(60))
            .setPermalink(null)
            .setCaptionHashtags(List.of())
            .setSource(DiscoverySource.STORY)
            .setHashtag(null)
            .setExpiresAt(NOW.plus(Duration.ofHours(24)))
            .setDiscoveredAt(NOW)
            .build();
    return new Discovery(key, event);
  }
}
