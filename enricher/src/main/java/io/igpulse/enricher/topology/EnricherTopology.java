package io.igpulse.enricher.topology;

import io.igpulse.enricher.schedule.PublicEntry;
import io.igpulse.enricher.schedule.PublicPaths;
import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AccountRegistration;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.runtime.streams.JsonSerde;
import io.igpulse.runtime.streams.TopicSerdes;
import io.igpulse.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
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
 * instagram.media.discovered ─┬─ OWNED, STORY ─► re-key by followed account ─► media-by-account
 *                             │     ─► schedule (refresh-schedule, account-insight-days; insights)
 *                             │         ├─► instagram.media.insights   (kind INSIGHTS)
 *                             │         └─► instagram.account.insights (AccountInsightSnapshot)
 *                             └─ every discovery, keyed by media id ─► public-counters
 *                                   (public-schedule; edges' like/comment counts)
 *                                       └─► instagram.media.insights   (kind PUBLIC_COUNTERS)
 * instagram.accounts ─► global table "accounts" (token references, active flags)
 * </pre>
 *
 * All media of one account live in one task of the insights path; every media igpulse does not own
 * lives in one task of the public path, whichever accounts found it. The tasks of a stream thread
 * share their reads ({@link SharedReads}): a batch request carries up to 50 due media of any
 * accounts.
 */
public final class EnricherTopology {

  private EnricherTopology() {}

  public static Topology build(Enrichment parts, TopicSerdes serdes) {
    ThreadLocal<SharedReads> reads =
        ThreadLocal.withInitial(
            () ->
                new SharedReads(
                    parts.reads().media()::read,
                    parts.plan().tick().toMillis(),
                    parts.plan().maxReadsPerTick()));
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

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.PUBLIC_SCHEDULE),
            Serdes.String(),
            JsonSerde.of(PublicEntry.class)));

    KStream<String, MediaDiscovered> discovered =
        builder.stream(
                Topics.MEDIA_DISCOVERED.name(),
                Consumed.with(Serdes.String(), serdes.valueSerde(Topics.MEDIA_DISCOVERED))
                    .withName("discovered"))
            // Tombstones of the compacted input say nothing about insights.
            .filter((id, media) -> media != null, Named.as("skip-tombstones"));

    // Media of other accounts, keyed by media id as the collector writes them: every discovery of
    // one media (any followed account, any edge, and its owned discovery when a followed account
    // owns it) reaches the same task, so it has one entry and one series of snapshots.
    KStream<String, SpecificRecord> publicSnapshots =
        discovered.process(
            () -> new PublicCounterProcessor(parts),
            Named.as("public-counters"),
            StoreNames.PUBLIC_SCHEDULE);

    KStream<String, SpecificRecord> out =
        discovered
            // Only the owner's token reads insights: the account's own media and stories.
            .filter(
                (id, media) -> PublicPaths.readWithInsights(media.getSource().name()),
                Named.as("owned-only"))
            .map(
                (id, media) ->
                    KeyValue.pair(media.getFollowedAccountId(), DiscoveredMedia.of(media)),
                Named.as("by-account"))
            .repartition(
                Repartitioned.<String, DiscoveredMedia>as(StoreNames.BY_ACCOUNT)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(JsonSerde.of(DiscoveredMedia.class)))
            .process(
                () -> new ScheduleProcessor(parts, reads),
                Named.as("schedule"),
                StoreNames.SCHEDULE,
                StoreNames.ACCOUNT_DAYS)
            .merge(publicSnapshots, Named.as("all-snapshots"));

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
