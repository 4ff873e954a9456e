package io.igpulse.enricher.service;

import io.igpulse.enricher.config.EnricherConfig;
import io.igpulse.runtime.streams.ErrorHandling;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of the enricher: exactly once and the dead-letter handlers. */
public final class StreamsSettings {

  private StreamsSettings() {}

  public static Properties of(EnricherConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    // A snapshot and the schedule update that records it commit together, or neither does.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
    ErrorHandling.install(props, "enricher");
    // A round may wait for the API for up to the fetch timeout per account: keep the poll
    // interval and the transaction timeout well above that, so a slow round is not mistaken for a
    // dead member.
    long roundMs = Math.max(300_000L, config.fetchTimeout().toMillis() * 10);
    props.put(StreamsConfig.consumerPrefix("max.poll.interval.ms"), (int) roundMs);
    props.put(
        StreamsConfig.producerPrefix("transaction.timeout.ms"), (int) Math.min(roundMs, 900_000L));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.putAll(config.streamsOverrides());
    return props;
  }
}
