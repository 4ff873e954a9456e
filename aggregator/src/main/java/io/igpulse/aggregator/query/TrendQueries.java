package io.igpulse.aggregator.query;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.StoreNames;
import io.igpulse.aggregator.topology.account.DayFollows;
import io.igpulse.aggregator.topology.account.FollowerHistory;
import io.igpulse.aggregator.topology.account.PostingHoursState;
import io.igpulse.aggregator.topology.trend.AccountTrendScorer;
import io.igpulse.aggregator.topology.trend.EarnedTrendScorer;
import io.igpulse.aggregator.topology.trend.HashtagTrendScorer;
import io.igpulse.aggregator.topology.trend.Ranking;
import io.igpulse.aggregator.topology.trend.TrendKeys;
import io.igpulse.aggregator.topology.trend.TrendScore;
import io.igpulse.aggregator.topology.trend.WindowRanking;
import io.igpulse.aggregator.topology.window.AccountWindow;
import io.igpulse.aggregator.topology.window.BucketSeries;
import io.igpulse.aggregator.topology.window.EarnedWindow;
import io.igpulse.aggregator.topology.window.HashtagMediaBucket;
import io.igpulse.aggregator.topology.window.HashtagWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Answers queries from this instance's own state stores; {@link QueryRouter} makes sure it is only
 * asked about keys this instance owns. Trends are scored on read with the same code the topology
 * uses, so the API and the trend topics agree.
 */
final class TrendQueries {

  private final KafkaStreams streams;
  private final AggregatorConfig config;
  private final TrendScore score;

  TrendQueries(KafkaStreams streams, AggregatorConfig config) {
    this.streams = streams;
    this.config = config;
    this.score = new TrendScore(config.baselineWindows(), config.baselineDecay());
  }

  JsonObject topHashtags(WindowSpec spec, long windowStart) {
    ReadOnlyKeyValueStore<String, WindowRanking> rankings =
        keyValue(StoreNames.hashtagRanking(spec));
    WindowRanking ranking = rankings.get(TrendKeys.window(spec, windowStart));
    JsonArray hashtags = new JsonArray();
    if (ranking != null) {
      Ranking.top(ranking.entries(), config.topHashtags())
          .forEach(h -> hashtags.add(TrendJson.hashtag(h, ranking.ranks().get(h.hashtag()))));
    }
    return new JsonObject()
        .put("window", spec.name())
        .put("windowStart", Instant.ofEpochMilli(windowStart).toString())
        .put("windowEnd", Instant.ofEpochMilli(windowStart + spec.size().toMillis()).toString())
        .put("hashtags", hashtags);
  }

  JsonArray hashtagSeries(WindowSpec spec, String hashtag, Instant from, Instant to) {
    BucketSeries<HashtagWindow> series =
        series(
            StoreNames.hashtagBuckets(spec),
            hashtag,
            spec,
            from,
            to,
            HashtagWindow::combine,
            HashtagWindow::engagement);
    JsonArray result = new JsonArray();
    for (long start : starts(spec, from, to)) {
      HashtagWindow window = series.window(start);
      if (window != null) {
        result.add(
            TrendJson.hashtag(
                HashtagTrendScorer.scored(
                    hashtag, start, window, spec, score, (k, t) -> series.engagement(t)),
                null));
      }
    }
    return result;
  }

  JsonArray accountSeries(WindowSpec spec, String account, Instant from, Instant to) {
    BucketSeries<AccountWindow> series =
        series(
            StoreNames.accountBuckets(spec),
            account,
            spec,
            from,
            to,
            AccountWindow::combine,
            AccountWindow::engagement);
    JsonArray result = new JsonArray();
    for (long start : starts(spec, from, to)) {
      AccountWindow window = series.window(start);
      if (window != null) {
        result.add(
            TrendJson.account(
                AccountTrendScorer.trend(
                    account,
                    start,
                    window,
                    spec,
                    score,
                    config.topMedia(),
                    (k, t) -> series.engagement(t))));
      }
    }
    return result;
  }

  JsonArray earnedSeries(WindowSpec spec, String account, Instant from, Instant to) {
    BucketSeries<EarnedWindow> series =
        series(
            StoreNames.earnedBuckets(spec),
            account,
            spec,
            from,
            to,
            EarnedWindow::combine,
            EarnedWindow::engagement);
    JsonArray result = new JsonArray();
    for (long start : starts(spec, from, to)) {
      EarnedWindow window = series.window(start);
      if (window != null) {
        result.add(
            TrendJson.earned(
                EarnedTrendScorer.trend(account, start, window, spec, config.topMedia())));
      }
    }
    return result;
  }

  /** Window starts (multiples of the advance) from {@code from} to {@code to}, both included. */
  static List<Long> starts(WindowSpec spec, Instant from, Instant to) {
    long advance = spec.advance().toMillis();
    long first = Math.floorDiv(from.toEpochMilli() + advance - 1, advance) * advance;
    List<Long> starts = new ArrayList<>();
    for (long start = first; start <= to.toEpochMilli(); start += advance) {
      starts.add(start);
    }
    return starts;
  }

  /**
   * The buckets windows from {@code from} to {@code to} and their baselines are made of, in one
   * store read.
   */
  private <B> BucketSeries<B> series(
      String store,
      String key,
      WindowSpec spec,
      Instant from,
      Instant to,
      Function<List<B>, B> combine,
      ToLongFunction<B> engagement) {
    ReadOnlyWindowStore<String, ValueAndTimestamp<B>> buckets = windows(store);
    return BucketSeries.readByBucket(
        buckets,
        key,
        from.toEpochMilli(),
        to.toEpochMilli(),
        spec,
        score.windows(),
        combine,
        engagement);
  }

  JsonObject postingHours(String account) {
    PostingHoursState state =
        this.<PostingHoursState>keyValue(StoreNames.POSTING_HOURS).get(account);
    return state == null ? null : TrendJson.postingHours(state.toEvent(account));
  }

  JsonArray followerGrowth(String account, LocalDate from, LocalDate to) {
    FollowerHistory history =
        this.<FollowerHistory>keyValue(StoreNames.FOLLOWER_HISTORY).get(account);
    JsonArray days = new JsonArray();
    if (history != null) {
      for (Map.Entry<Long, FollowerHistory.Day> day :
          history.days().subMap(from.toEpochDay(), true, to.toEpochDay(), true).entrySet()) {
        days.add(TrendJson.followers(history.growth(account, day.getKey())));
      }
    }
    return days;
  }

  /**
   * The media that grew the account's followers on {@code day}; zeros on a day without any, null
   * when nothing is known of the account.
   */
  JsonObject mediaFollows(String account, LocalDate day) {
    ReadOnlyKeyValueStore<String, DayFollows> days = keyValue(StoreNames.MEDIA_FOLLOWS);
    DayFollows gained = days.get(DayFollows.key(account, day.toEpochDay()));
    if (gained != null) {
      return TrendJson.mediaFollows(gained.toEvent(account, day.toEpochDay(), config.topMedia()));
    }
    try (KeyValueIterator<String, DayFollows> any =
        days.prefixScan(account + "@", Serdes.String().serializer())) {
      return any.hasNext() ? TrendJson.noMediaFollows(account, day) : null;
    }
  }

  /** The account's latest audience, or null when no snapshot read demographics. */
  JsonObject audience(String account) {
    String stored = this.<String>keyValue(StoreNames.ACCOUNT_AUDIENCE).get(account);
    return stored == null ? null : new JsonObject(stored);
  }

  /** The media that gained the most under {@code hashtag} in the window starting at the start. */
  JsonObject hashtagMedia(WindowSpec spec, String hashtag, long windowStart) {
    ReadOnlyWindowStore<String, ValueAndTimestamp<HashtagMediaBucket>> buckets =
        windows(StoreNames.hashtagMedia(spec));
    List<HashtagMediaBucket> parts =
        new ArrayList<>(
            BucketSeries.lookUp(
                    buckets, hashtag, windowStart, windowStart + spec.size().toMillis() - 1, spec)
                .values());
    JsonArray media = new JsonArray();
    for (HashtagMediaBucket.Entry e : HashtagMediaBucket.top(parts, config.topMedia())) {
      media.add(
          new JsonObject()
              .put("mediaId", e.mediaId())
              .put("owner", e.owner())
              .put("engagementGained", e.engagement()));
    }
    return new JsonObject()
        .put("hashtag", hashtag)
        .put("window", spec.name())
        .put("windowStart", Instant.ofEpochMilli(windowStart).toString())
        .put("windowEnd", Instant.ofEpochMilli(windowStart + spec.size().toMillis()).toString())
        .put("media", media);
  }

  /**
   * The accounts this instance holds follower history for, each with its latest followers and its
   * trend in the window starting at {@code windowStart} (zero when it gained nothing there).
   */
  JsonArray accounts(WindowSpec spec, long windowStart) {
    JsonArray accounts = new JsonArray();
    Instant start = Instant.ofEpochMilli(windowStart);
    try (KeyValueIterator<String, FollowerHistory> all =
        this.<FollowerHistory>keyValue(StoreNames.FOLLOWER_HISTORY).all()) {
      all.forEachRemaining(
          entry -> {
            String account = entry.key;
            JsonObject row = new JsonObject().put("igUserId", account);
            if (!entry.value.days().isEmpty()) {
              JsonObject latest =
                  TrendJson.followers(entry.value.growth(account, entry.value.days().lastKey()));
              row.put("followersDay", latest.getString("day"))
                  .put("followersCount", latest.getLong("followersCount"))
                  .put("netChange", latest.getLong("netChange"));
            }
            JsonArray trend = accountSeries(spec, account, start, start);
            JsonObject window = trend.isEmpty() ? null : trend.getJsonObject(0);
            row.put("engagementGained", window == null ? 0L : window.getLong("engagementGained"))
                .put("reachGained", window == null ? 0L : window.getLong("reachGained"))
                .put("viewsGained", window == null ? 0L : window.getLong("viewsGained"))
                .put("velocityPerHour", window == null ? null : window.getDouble("velocityPerHour"))
                .put("trendScore", window == null ? null : window.getDouble("trendScore"));
            accounts.add(row);
          });
    }
    return accounts;
  }

  private <V> ReadOnlyWindowStore<String, ValueAndTimestamp<V>> windows(String name) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            name, QueryableStoreTypes.<String, V>timestampedWindowStore()));
  }

  private <V> ReadOnlyKeyValueStore<String, V> keyValue(String name) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }
}
