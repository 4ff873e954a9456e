package io.igpulse.aggregator.topology;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.account.AudienceProcessor;
import io.igpulse.aggregator.topology.account.FollowerGrowthProcessor;
import io.igpulse.aggregator.topology.account.HourOfWeek;
import io.igpulse.aggregator.topology.account.MediaFollowsProcessor;
import io.igpulse.aggregator.topology.account.PostingHoursState;
import io.igpulse.aggregator.topology.codec.InternalSerdes;
import io.igpulse.aggregator.topology.delta.DeltaCalculator;
import io.igpulse.aggregator.topology.delta.DeltaProcessor;
import io.igpulse.aggregator.topology.delta.DeltaSpreader;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import io.igpulse.aggregator.topology.delta.SpreadProcessor;
import io.igpulse.aggregator.topology.trend.AccountTrendScorer;
import io.igpulse.aggregator.topology.trend.EarnedTrendScorer;
import io.igpulse.aggregator.topology.trend.HashtagRanker;
import io.igpulse.aggregator.topology.trend.HashtagTrendScorer;
import io.igpulse.aggregator.topology.trend.TrendScore;
import io.igpulse.aggregator.topology.window.AccountWindow;
import io.igpulse.aggregator.topology.window.EarnedWindow;
import io.igpulse.aggregator.topology.window.HashtagMediaBucket;
import io.igpulse.aggregator.topology.window.HashtagWindow;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.runtime.streams.TopicSerdes;
import io.igpulse.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The aggregator's one topology, a pure function of its config:
 *
 * <pre>
 * media.insights ─► deltas (per media and kind) ─┬─► by owner (INSIGHTS) ─► spread ─► buckets per family ─► score ─► trends.account
 *                                                │                      ├─► posting hours ───────────────────────► trends.posting-hours
 *                                                │                      └─► follows per media and day ───────────► trends.media-follows
 *                                                ├─► by hashtag ─► spread ─► buckets per family ─► score ─► by window ─► rank ─► trends.hashtag
 *                                                └─► by earned account (PUBLIC_COUNTERS) ─► spread ─► buckets per family ─► trends.earned
 * account.insights ─► follower history (per account) ──────────────────────────────────────► trends.followers
 *                  └─► latest audience (per account) ──────────────────────────────────────► trends.audience
 * by hashtag ─► spread ─► media per hashtag bucket (queried: a window's top media)
 * </pre>
 */
public final class TrendTopology {

  private static final Serde<String> STRING = Serdes.String();
  private static final Serde<MediaDelta> DELTA = InternalSerdes.MEDIA_DELTA;

  private TrendTopology() {}

  /** The production topology: contract topics through the Apicurio serdes. */
  public static Topology build(AggregatorConfig config) {
    return build(config, TopicSerdes.apicurio(config.registry()));
  }

  public static Topology build(AggregatorConfig config, TopicSerdes serdes) {
    StreamsBuilder builder = new StreamsBuilder();
    TrendScore score = new TrendScore(config.baselineWindows(), config.baselineDecay());

    KStream<String, MediaDelta> deltas = deltas(builder, config, serdes);

    KStream<String, MediaDelta> byAccount = byAccount(deltas);
    KStream<String, MediaDelta> byHashtag = byHashtag(deltas);
    KStream<String, MediaDelta> byEarnedAccount = byEarnedAccount(deltas);

    for (WindowSpec spec : config.windows()) {
      accountTrends(spread(byAccount, "accounts", spec, config), spec, config, score, serdes);
      KGroupedStream<String, MediaDelta> hashtagParts = spread(byHashtag, "hashtags", spec, config);
      hashtagTrends(builder, hashtagParts, spec, config, score, serdes);
      hashtagMedia(hashtagParts, spec, config);
      earnedTrends(spread(byEarnedAccount, "earned", spec, config), spec, config, serdes);
    }
    postingHours(byAccount, config, serdes);
    mediaFollows(builder, byAccount, config, serdes);
    followerGrowth(builder, serdes);
    return builder.build();
  }

  /**
   * The first stage: each media's snapshots in, its deltas out, keyed by media id. Public so the
   * benchmark can measure this stage alone with the production stores.
   */
  public static KStream<String, MediaDelta> deltas(
      StreamsBuilder builder, AggregatorConfig config, TopicSerdes serdes) {
    // Cached: the store is read and written once per snapshot, and the cache turns a commit
    // interval's writes into one RocksDB write and one changelog record per media (benchmark:
    // 200,043 changelog records for 200,000 snapshots uncached, 53,322-59,558 cached).
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.MEDIA_STATE),
                STRING,
                InternalSerdes.MEDIA_STATE)
            .withCachingEnabled());
    KStream<String, MediaInsightSnapshot> snapshots = snapshots(builder, serdes);
    DeltaCalculator calculator = new DeltaCalculator(config.firstSnapshotCredit());
    return snapshots.process(
        () -> new DeltaProcessor(StoreNames.MEDIA_STATE, calculator),
        Named.as("media-deltas"),
        StoreNames.MEDIA_STATE);
  }

  /**
   * Insight deltas repartitioned by the account that owns the media. Public counters never count
   * for an account's own trends, nor does a media whose owner is unknown.
   */
  public static KStream<String, MediaDelta> byAccount(KStream<String, MediaDelta> deltas) {
    return deltas
        .filter(
            (mediaId, delta) -> delta.insights() && delta.ownerId() != null, Named.as("with-owner"))
        .selectKey((mediaId, delta) -> delta.ownerId(), Named.as("key-by-account"))
        .repartition(Repartitioned.with(STRING, DELTA).withName("deltas-by-account"));
  }

  /**
   * Public-counter deltas repartitioned by the followed accounts the media tags or mentions: one
   * record per account of {@code earned_by}.
   */
  public static KStream<String, MediaDelta> byEarnedAccount(KStream<String, MediaDelta> deltas) {
    return deltas
        .flatMap(
            (mediaId, delta) ->
                delta.insights()
                    ? List.<KeyValue<String, MediaDelta>>of()
                    : delta.earnedBy().stream()
                        .map(account -> KeyValue.pair(account, delta))
                        .toList(),
            Named.as("key-by-earned-account"))
        .repartition(Repartitioned.with(STRING, DELTA).withName("deltas-by-earned-account"));
  }

  /**
   * A repartitioned stream of deltas as parts, one per bucket of {@code spec} (see {@link
   * DeltaSpreader}), grouped for the bucket aggregation.
   */
  private static KGroupedStream<String, MediaDelta> spread(
      KStream<String, MediaDelta> deltas, String what, WindowSpec spec, AggregatorConfig config) {
    DeltaSpreader spreader = new DeltaSpreader(spec.advance(), config.grace());
    return deltas
        .processValues(
            () -> new SpreadProcessor(spreader), Named.as("spread-" + what + "-" + spec.name()))
        .groupByKey(Grouped.with(what + "-" + spec.name(), STRING, DELTA));
  }

  /** Deltas repartitioned by hashtag: one record per hashtag of the media. */
  public static KStream<String, MediaDelta> byHashtag(KStream<String, MediaDelta> deltas) {
    return deltas
        .flatMap(
            (mediaId, delta) ->
                delta.hashtags().stream().map(tag -> KeyValue.pair(tag, delta)).toList(),
            Named.as("key-by-hashtag"))
        .repartition(Repartitioned.with(STRING, DELTA).withName("deltas-by-hashtag"));
  }

  /** The input: media snapshots, decoded, in event time. */
  public static KStream<String, MediaInsightSnapshot> snapshots(
      StreamsBuilder builder, TopicSerdes serdes) {
    return builder.stream(
        Topics.MEDIA_INSIGHTS.name(),
        Consumed.with(STRING, serdes.valueSerde(Topics.MEDIA_INSIGHTS))
            .withTimestampExtractor(new CapturedAtExtractor())
            .withName("media-snapshots"));
  }

  private static void accountTrends(
      KGroupedStream<String, MediaDelta> accounts,
      WindowSpec spec,
      AggregatorConfig config,
      TrendScore score,
      TopicSerdes serdes) {
    String store = StoreNames.accountBuckets(spec);
    accounts
        .windowedBy(windows(spec, config))
        .aggregate(
            AccountWindow::empty,
            (account, delta, window) -> window.add(delta),
            Named.as("account-bucket-" + spec.name()),
            Materialized.<String, AccountWindow, WindowStore<Bytes, byte[]>>as(store)
                .withKeySerde(STRING)
                .withValueSerde(InternalSerdes.ACCOUNT_WINDOW)
                .withRetention(retention(spec, config)))
        .toStream(Named.as("account-window-updates-" + spec.name()))
        .process(
            () -> new AccountTrendScorer(store, spec, score, config.topMedia()),
            Named.as("account-trend-" + spec.name()),
            store)
        .to(
            Topics.ACCOUNT_TRENDS.name(),
            Produced.with(STRING, serdes.valueSerde(Topics.ACCOUNT_TRENDS))
                .withName("account-trends-out-" + spec.name()));
  }

  private static void earnedTrends(
      KGroupedStream<String, MediaDelta> accounts,
      WindowSpec spec,
      AggregatorConfig config,
      TopicSerdes serdes) {
    String store = StoreNames.earnedBuckets(spec);
    accounts
        .windowedBy(windows(spec, config))
        .aggregate(
            EarnedWindow::empty,
            (account, delta, window) -> window.add(delta),
            Named.as("earned-bucket-" + spec.name()),
            Materialized.<String, EarnedWindow, WindowStore<Bytes, byte[]>>as(store)
                .withKeySerde(STRING)
                .withValueSerde(InternalSerdes.EARNED_WINDOW)
                .withRetention(retention(spec, config)))
        .toStream(Named.as("earned-window-updates-" + spec.name()))
        .process(
            () -> new EarnedTrendScorer(store, spec, config.topMedia()),
            Named.as("earned-trend-" + spec.name()),
            store)
        .to(
            Topics.EARNED_TRENDS.name(),
            Produced.with(STRING, serdes.valueSerde(Topics.EARNED_TRENDS))
                .withName("earned-trends-out-" + spec.name()));
  }

  private static void hashtagTrends(
      StreamsBuilder builder,
      KGroupedStream<String, MediaDelta> hashtags,
      WindowSpec spec,
      AggregatorConfig config,
      TrendScore score,
      TopicSerdes serdes) {
    String store = StoreNames.hashtagBuckets(spec);
    String ranking = StoreNames.hashtagRanking(spec);
    // Cached: a window's ranking changes with every scored hashtag of it, and the cache turns those
    // updates into one RocksDB write and one changelog record per window and commit.
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ranking), STRING, InternalSerdes.WINDOW_RANKING)
            .withCachingEnabled());
    hashtags
        .windowedBy(windows(spec, config))
        .aggregate(
            HashtagWindow::empty,
            (hashtag, delta, window) -> window.add(delta),
            Named.as("hashtag-bucket-" + spec.name()),
            Materialized.<String, HashtagWindow, WindowStore<Bytes, byte[]>>as(store)
                .withKeySerde(STRING)
                .withValueSerde(InternalSerdes.HASHTAG_WINDOW)
                .withRetention(retention(spec, config)))
        .toStream(Named.as("hashtag-window-updates-" + spec.name()))
        .process(
            () -> new HashtagTrendScorer(store, spec, score),
            Named.as("hashtag-trend-" + spec.name()),
            store)
        .repartition(
            Repartitioned.with(STRING, InternalSerdes.SCORED_HASHTAG)
                .withName("hashtags-by-window-" + spec.name()))
        .process(
            () -> new HashtagRanker(ranking, spec, config.topHashtags(), retention(spec, config)),
            Named.as("hashtag-rank-" + spec.name()),
            ranking)
        .to(
            Topics.HASHTAG_TRENDS.name(),
            Produced.with(STRING, serdes.valueSerde(Topics.HASHTAG_TRENDS))
                .withName("hashtag-trends-out-" + spec.name()));
  }

  /**
   * What each media gained per hashtag and bucket, read by the query API for a window's top media
   * (point lookups, see {@code BucketSeries.readByBucket}). Cached like the other bucket stores: a
   * bucket holds every media of its hashtag, so writing it through to RocksDB and the changelog at
   * every delta cost more than the rest of the hashtag family.
   */
  private static void hashtagMedia(
      KGroupedStream<String, MediaDelta> hashtags, WindowSpec spec, AggregatorConfig config) {
    hashtags
        .windowedBy(windows(spec, config))
        .aggregate(
            HashtagMediaBucket::empty,
            (hashtag, delta, bucket) -> bucket.add(delta),
            Named.as("hashtag-media-bucket-" + spec.name()),
            Materialized.<String, HashtagMediaBucket, WindowStore<Bytes, byte[]>>as(
                    StoreNames.hashtagMedia(spec))
                .withKeySerde(STRING)
                .withValueSerde(InternalSerdes.HASHTAG_MEDIA)
                .withRetention(retention(spec, config)));
  }

  /**
   * Aggregated (not processed record by record) so the record cache publishes each account once per
   * commit. A delta whose interval ends after the media's first day counts with the part of it
   * gained before (same proportional model as the windows).
   */
  private static void postingHours(
      KStream<String, MediaDelta> byAccount, AggregatorConfig config, TopicSerdes serdes) {
    byAccount
        .filter((account, delta) -> delta.touchesFirstDay(), Named.as("first-day-deltas"))
        .groupByKey(Grouped.with("posting-hours", STRING, DELTA))
        .aggregate(
            PostingHoursState::empty,
            (account, delta, state) ->
                state.add(
                    HourOfWeek.of(delta.postedAt(), config.postingHoursZone()),
                    DeltaSpreader.engagementBefore(
                        delta, delta.postedAt() + MediaDelta.FIRST_DAY_MILLIS),
                    delta.firstCountForPostingHour(),
                    delta.capturedAt()),
            Named.as("posting-hours"),
            Materialized.<String, PostingHoursState, KeyValueStore<Bytes, byte[]>>as(
                    StoreNames.POSTING_HOURS)
                .withKeySerde(STRING)
                .withValueSerde(InternalSerdes.POSTING_HOURS))
        .toStream(Named.as("posting-hours-updates"))
        .mapValues((account, state) -> state.toEvent(account), Named.as("posting-hours-event"))
        .to(
            Topics.POSTING_HOURS.name(),
            Produced.with(STRING, serdes.valueSerde(Topics.POSTING_HOURS))
                .withName("posting-hours-out"));
  }

  /** Follows gained per media and day, published per account and day. */
  private static void mediaFollows(
      StreamsBuilder builder,
      KStream<String, MediaDelta> byAccount,
      AggregatorConfig config,
      TopicSerdes serdes) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.MEDIA_FOLLOWS),
            STRING,
            InternalSerdes.MEDIA_FOLLOWS));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.MEDIA_FOLLOWS_PENDING), STRING, STRING));
    byAccount
        .process(
            () ->
                new MediaFollowsProcessor(
                    StoreNames.MEDIA_FOLLOWS, StoreNames.MEDIA_FOLLOWS_PENDING, config.topMedia()),
            Named.as("media-follows"),
            StoreNames.MEDIA_FOLLOWS,
            StoreNames.MEDIA_FOLLOWS_PENDING)
        .to(
            Topics.MEDIA_FOLLOWS.name(),
            Produced.with(STRING, serdes.valueSerde(Topics.MEDIA_FOLLOWS))
                .withName("media-follows-out"));
  }

  private static void followerGrowth(StreamsBuilder builder, TopicSerdes serdes) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.FOLLOWER_HISTORY),
            STRING,
            InternalSerdes.FOLLOWER_HISTORY));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.ACCOUNT_AUDIENCE), STRING, STRING));
    KStream<String, AccountInsightSnapshot> accounts =
        builder.stream(
            Topics.ACCOUNT_INSIGHTS.name(),
            Consumed.with(STRING, serdes.valueSerde(Topics.ACCOUNT_INSIGHTS))
                .withTimestampExtractor(new CapturedAtExtractor())
                .withName("account-snapshots"));
    accounts
        .process(
            () -> new AudienceProcessor(StoreNames.ACCOUNT_AUDIENCE),
            Named.as("account-audience"),
            StoreNames.ACCOUNT_AUDIENCE)
        .to(
            Topics.AUDIENCE.name(),
            Produced.with(STRING, serdes.valueSerde(Topics.AUDIENCE)).withName("audience-out"));
    accounts
        .process(
            () -> new FollowerGrowthProcessor(StoreNames.FOLLOWER_HISTORY),
            Named.as("follower-growth"),
            StoreNames.FOLLOWER_HISTORY)
        .to(
            Topics.FOLLOWER_GROWTH.name(),
            Produced.with(STRING, serdes.valueSerde(Topics.FOLLOWER_GROWTH))
                .withName("follower-growth-out"));
  }

  /**
   * Buckets: tumbling windows one advance long. A snapshot counts in its bucket, and so in every
   * rolling window containing it, if it arrives within grace of the bucket's end; later, in none of
   * them.
   */
  private static TimeWindows windows(WindowSpec spec, AggregatorConfig config) {
    return TimeWindows.ofSizeAndGrace(spec.advance(), config.grace());
  }

  /** Long enough for the newest windows and their baseline to look back over, plus grace. */
  static Duration retention(WindowSpec spec, AggregatorConfig config) {
    return spec.size().multipliedBy(config.baselineWindows() + 2L).plus(config.grace());
  }
}
