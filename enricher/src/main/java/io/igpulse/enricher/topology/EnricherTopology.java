package io.igpulse.enricher.topology;

import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AccountRegistration;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.runtime.streams.JsonSerde;
import io.igpulse.runtime.streams.TopicSerdes;
import io.igpulse.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The enricher's topology, a pure function of its parts:
 *
 * <pre>
 * instagram.media.discovered ─► re-key by followed account ─► media-by-account (repartition)
 *     ─► schedule (refresh-schedule, account-insight-days; wall-clock punctuator reads the API)
 *         ├─► instagram.media.insights   (MediaInsightSnapshot, keyed by media id)
 *         └─► instagram.account.insights (AccountInsightSnapshot, keyed by account)
 * instagram.accounts ─► global table "accounts" (token references, active flags)
 * </pre>
 *
 * All media of one account live in one task. The tasks of a stream thread share their reads ({@link
 * SharedReads}): a batch request carries up to 50 due media of any accounts.
 */
public final class EnricherTopology {

  private EnricherTopology() {}

  public static Topology build(Enrichment parts, TopicSerdes serdes) {
    ThreadLocal<SharedReads> reads =
        ThreadLocal.withInitial(
            () ->
                new SharedReads(
                    parts.fetcher()::read, parts.tick().toMillis(), parts.maxReadsPerTick()));
    StreamsBuilder builder = new StreamsBuilder();
    builder.globalTable(
        Topics.ACCOUNTS.name(),
        Consumed.with(Serdes.String(), serdes.valueSerde(Topics.ACCOUNTS)),
        Materialized.<String, AccountRegistration, KeyValueStore<Bytes, byte[]>>as(
                StoreNames.ACCOUNTS)
            .withKeySerde(Serdes.String())
            .withValueSerde(serdes.valueSerde(Topics.ACCOUNTS)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.SCHEDULE),
            Serdes.String(),
            JsonSerde.of(ScheduleEntry.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.ACCOUNT_DAYS),
            Serdes.String(),
            Serdes.Long()));

    KStream<String, SpecificRecord> out =
        builder.stream(
                Topics.MEDIA_DISCOVERED.name(),
                Consumed.with(Serdes.String(), serdes.valueSerde(Topics.MEDIA_DISCOVERED))
                    .withName("discovered"))
            // Tombstones of the compacted input say nothing about insights.
            .filter((id, media) -> media != null, Named.as("skip-tombstones"))
            .map(
                (id, media) ->
                    org.apache.kafka.streams.KeyValue.pair(
                        media.getFollowedAccountId(), DiscoveredMedia.of(media)),
                Named.as("by-account"))
            .repartition(
                Repartitioned.<String, DiscoveredMedia>as(StoreNames.BY_ACCOUNT)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(JsonSerde.of(DiscoveredMedia.class)))
            .process(
                () -> new ScheduleProcessor(parts, reads),
                Named.as("schedule"),
                StoreNames.SCHEDULE,
                StoreNames.ACCOUNT_DAYS);

    out.filter((k, v) -> v instanceof MediaInsightSnapshot, Named.as("media-snapshots"))
        .mapValues(v -> (MediaInsightSnapshot) v)
        .to(
            Topics.MEDIA_INSIGHTS.name(),
            Produced.with(Serdes.String(), serdes.valueSerde(Topics.MEDIA_INSIGHTS))
                .withName("to-media-insights"));
    out.filter((k, v) -> v instanceof AccountInsightSnapshot, Named.as("account-snapshots"))
        .mapValues(v -> (AccountInsightSnapshot) v)
        .to(
            Topics.ACCOUNT_INSIGHTS.name(),
            Produced.with(Serdes.String(), serdes.valueSerde(Topics.ACCOUNT_INSIGHTS))
                .withName("to-account-insights"));
    return builder.build();
  }
}
