package io.igpulse.runtime.streams;

import io.igpulse.runtime.kafka.BrokerSilence;
import io.igpulse.runtime.management.Readiness;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Kafka Streams app the way our services run one: a failure that escaped the exception
 * handlers (the registry down, say) replaces the stream thread instead of stopping the app, so the
 * uncommitted work is aborted and read again; state changes are logged; Streams' own meters go to
 * the service's registry; ready means RUNNING and is cleared first on close.
 */
public final class StreamsApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final KafkaStreams streams;
  private final KafkaStreamsMetrics meters;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CloseOptions closeOptions;

  public StreamsApp(Topology topology, Properties settings, MeterRegistry registry) {
    this.streams = new KafkaStreams(topology, settings);
    this.closeOptions = closeOptions(settings);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("Stream thread failed, replacing it", e);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener((now, before) -> LOG.info("Streams state {} -> {}", before, now));
    this.meters = new KafkaStreamsMetrics(streams);
    meters.bindTo(registry);
  }

  public StreamsApp start() {
    streams.start();
    return this;
  }

  /**
   * RUNNING, and its brokers answering: Kafka Streams itself stays RUNNING through a broker outage,
   * waiting, so a stream thread's consumer without a coordinator heartbeat tells it ({@link
   * BrokerSilence}).
   */
  public boolean ready() {
    return ready(brokersSilent());
  }

  private boolean ready(boolean brokersSilent) {
    return !closed.get() && streams.state() == KafkaStreams.State.RUNNING && !brokersSilent;
  }

  private boolean brokersSilent() {
    return BrokerSilence.anySilent(streams.metrics());
  }

  /**
   * False once Streams is in ERROR (its threads are gone and it will not come back by itself) while
   * not closed: {@code /health/live} then asks for a restart. Rebalancing and a broker outage are
   * not errors: Streams waits and resumes on its own.
   */
  public boolean alive() {
    return closed.get() || streams.state() != KafkaStreams.State.ERROR;
  }

  /** What {@code /health/ready} says, with the Streams state and the brokers' silence as detail. */
  public Readiness readiness() {
    boolean silent = brokersSilent();
    Map<String, Object> details =
        Map.of("streams", streams.state().name(), "brokers_silent", silent);
    return ready(silent) ? Readiness.up(details) : Readiness.down(details);
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** Not ready first, then Streams (committing its open transaction), then its meters. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    streams.close(closeOptions);
    meters.close();
  }

  /**
   * A stopping instance leaves its group, so the others take its tasks at once. Streams' default is
   * to stay: its tasks then stay unassigned, and their trends or snapshots stall, until the session
   * timeout (45 s) has passed. Static members ({@code group.instance.id} set) stay, which is what
   * static membership is for: a restart within the session timeout gets its tasks back without a
   * rebalance.
   */
  static CloseOptions closeOptions(Properties settings) {
    String instanceId = ConsumerConfig.GROUP_INSTANCE_ID_CONFIG;
    boolean staticMember =
        Stream.of(
                instanceId,
                StreamsConfig.consumerPrefix(instanceId),
                StreamsConfig.mainConsumerPrefix(instanceId))
            .anyMatch(settings::containsKey);
    return CloseOptions.timeout(Duration.ofSeconds(30))
        .withGroupMembershipOperation(
            staticMember
                ? GroupMembershipOperation.REMAIN_IN_GROUP
                : GroupMembershipOperation.LEAVE_GROUP);
  }
}
