package io.igpulse.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.igpulse.collector.discovery.Discovery;
import io.igpulse.collector.discovery.SeenExpiry;
import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.discovery.SeenState;
import io.igpulse.collector.service.CollectorMetrics;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the emitter's one thread survives a transaction that fails. Kafka's own MockProducer stands
 * in for the broker here, because these failures (a producer closed under the thread, a commit
 * refused once) cannot be brought about on demand with a real one; the ITs cover the real path.
 */
class DiscoveryEmitterTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final SeenState seen = new SeenState(new SeenExpiry(SeenExpiry.DEFAULT));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final DiscoveryEmitter emitter =
      new DiscoveryEmitter(
          producer,
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

  @Test
  void shouldFailTheEmitAndStopEmittingWhenItsProducerIsClosedUnderIt() {
    emitter.start();
    Discovery story = discovery("s1");
    assertThat(seen.claim(story.key())).isTrue();
    // What halt() does, and what a close does after its join gave up: the producer goes while the
    // thread still runs. Both begin and abort then throw IllegalStateException.
    producer.close();

    CompletableFuture<Integer> done = emit(story);

    assertFails(done);
    assertThat(emitter.healthy()).as("an instance that cannot emit is not ready").isFalse();
    assertThat(seen.claim(story.key())).as("released: found again by the next owner").isTrue();
    // Later emits fail at once instead of waiting on a dead thread.
    assertFails(emit(discovery("s2")));
  }

  @Test
  void shouldReleaseTheMediaOfARefusedCommitAndEmitThemOnTheNextTry() throws Exception {
    emitter.start();
    Discovery story = discovery("s1");
    seen.claim(story.key());
    producer.commitTransactionException = new KafkaException("coordinator not available");

    assertFails(emit(story));

    assertThat(emitter.healthy()).isTrue();
    assertThat(producer.history()).isEmpty();
    producer.commitTransactionException = null;
    assertThat(seen.claim(story.key())).isTrue();
    assertThat(emit(story).get()).isEqualTo(1);
    assertThat(producer.history())
        .extracting(r -> r.topic() + "/" + r.key())
        .containsExactly("instagram.media.discovered/s1", "seen/" + story.key().encode());
    assertThat(seen.isSeen(story.key())).isTrue();
    assertThat(meters.get("igpulse.collector.transactions").tag("outcome", "aborted").counter())
        .extracting(c -> c.count())
        .isEqualTo(1.0);
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
