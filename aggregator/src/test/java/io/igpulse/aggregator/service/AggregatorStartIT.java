package io.igpulse.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Starting the aggregator never blocks its event loop: the end-to-end run saw the loop blocked for
 * up to 9 s while the topology and Kafka Streams were built on it, so the query API and health
 * checks answered nothing meanwhile.
 */
@WithInfrastructure
class AggregatorStartIT {

  @Test
  void shouldNeverBlockTheEventLoopWhileStarting(KafkaCluster kafka, SchemaRegistry registry)
      throws Exception {
    AggregatorHarness harness = new AggregatorHarness(kafka, registry);
    AggregatorService service =
        new AggregatorService(
            harness.config("aggregator-start-" + UUID.randomUUID().toString().substring(0, 8)),
            Clock.systemUTC(),
            // Measured on this machine: the longest loop task of a start is about 60 ms, a start
            // that
            // builds Streams on the loop about 520 ms.
            new VertxOptions()
                .setMaxEventLoopExecuteTime(250)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(50)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
    List<BlockedThreadEvent> blocked = new CopyOnWriteArrayList<>();
    // Vert.x reports a loop busy longer than its limit at every check while it is.
    ((VertxInternal) service.vertx()).blockedThreadChecker().setThreadBlockedHandler(blocked::add);
    try {
      service.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> service.streams().state() == KafkaStreams.State.RUNNING);

      assertThat(blocked).extracting(BlockedThreadEvent::toString).isEmpty();
    } finally {
      service.close();
    }
  }
}
