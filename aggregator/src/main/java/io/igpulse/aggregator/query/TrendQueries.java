package io.igpulse.aggregator.query;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.StoreNames;
import io.igpulse.aggregator.topology.account.FollowerHistory;
import io.igpulse.aggregator.topology.account.PostingHoursState;
import io.igpulse.aggregator.topology.trend.AccountTrendScorer;
import io.igpulse.aggregator.topology.trend.HashtagTrendScorer;
import io.igpulse.aggregator.topology.trend.Ranking;
import io.igpulse.aggregator.topology.trend.TrendKeys;
import io.igpulse.aggregator.topology.trend.TrendScore;
import io.igpulse.aggregator.topology.trend.WindowRanking;
import io.igpulse.aggregator.topology.window.AccountWindow;
import io.igpulse.aggregator.topology.window.HashtagWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

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
    ReadOnlyWindowStore<String, ValueAndTimestamp<HashtagWindow>> store =
        windows(StoreNames.hashtagWindows(spec));
    JsonArray series = new JsonArray();
    try (WindowStoreIterator<ValueAndTimestamp<HashtagWindow>> windows =
        store.fetch(hashtag, from, to)) {
      while (windows.hasNext()) {
        KeyValue<Long, ValueAndTimestamp<HashtagWindow>> next = windows.next();
        series.add(
            TrendJson.hashtag(
                HashtagTrendScorer.scored(
                    hashtag,
                    next.key,
                    next.value.value(),
                    spec,
                    score,
                    (k, t) -> valueAt(store, k, t)),
                null));
      }
    }
    return series;
  }

  JsonArray accountSeries(WindowSpec spec, String account, Instant from, Instant to) {
    ReadOnlyWindowStore<String, ValueAndTimestamp<AccountWindow>> store =
        windows(StoreNames.accountWindows(spec));
    JsonArray series = new JsonArray();
    try (WindowStoreIterator<ValueAndTimestamp<AccountWindow>> windows =
        store.fetch(account, from, to)) {
      while (windows.hasNext()) {
        KeyValue<Long, ValueAndTimestamp<AccountWindow>> next = windows.next();
        series.add(
            TrendJson.account(
                AccountTrendScorer.trend(
                    account,
                    next.key,
                    next.value.value(),
                    spec,
                    score,
                    config.topMedia(),
                    (k, t) -> valueAt(store, k, t))));
      }
    }
    return series;
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

  private static <V> V valueAt(
      ReadOnlyWindowStore<String, ValueAndTimestamp<V>> store, String key, long start) {
    ValueAndTimestamp<V> found = store.fetch(key, start);
    return found == null ? null : found.value();
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
