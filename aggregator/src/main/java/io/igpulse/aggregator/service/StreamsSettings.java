package io.igpulse.aggregator.service;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.runtime.streams.ErrorHandling;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings of the aggregator: exactly once, our error handlers, the query
 * address.
 */
public final class StreamsSettings {

  private StreamsSettings() {}

  public static Properties of(AggregatorConfig config, int queryPort) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
    ErrorHandling.install(props, "aggregator");
    // Other instances route queries for keys they do not own to this address.
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.advertisedHost() + ":" + queryPort);
    // Trends are rolling values: publishing each key's latest state once a second (the record cache
    // absorbs the updates in between) costs far less than the exactly-once default of every 100 ms,
    // and is fresh enough.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
    // The broker deletes a bucket's changelog record once its event time is older than the store's
    // retention plus this, by wall clock. While the aggregator works through a backlog (after an
    // outage, or a replay) its stores still hold buckets that old; a restart then would restore
    // them empty and undercount every trend they feed. The horizon bounds that backlog's age.
    props.put(
        StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG,
        config.catchUpHorizon().toMillis());
    props.putAll(config.streamsOverrides());
    return props;
  }
}
