package io.igpulse.aggregator.topology.trend;

import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.events.HashtagTrend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the ranking of every window (records arrive keyed by window) and publishes a hashtag's
 * trend whenever it changes, plus every other hashtag of the window whose rank moved because of it.
 * Windows older than their retention are dropped as stream time passes.
 */
public final class HashtagRanker implements Processor<String, ScoredHashtag, String, HashtagTrend> {

  /**
   * A window keeps only its best 2 x N hashtags, not every hashtag it saw: the state (and the work
   * per update) stays small however many hashtags a window has. A hashtag that fell out re-enters
   * on its next update; ranks can only be stale when top hashtags lose engagement (negative deltas)
   * below one that has not updated since.
   */
  static final int CANDIDATES_PER_RANK = 2;

  private final String storeName;
  private final WindowSpec spec;
  private final int topN;
  private final long retentionMillis;
  private ProcessorContext<String, HashtagTrend> context;
  private KeyValueStore<String, WindowRanking> rankings;

  public HashtagRanker(String storeName, WindowSpec spec, int topN, Duration retention) {
    this.storeName = storeName;
    this.spec = spec;
    this.topN = topN;
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public void init(ProcessorContext<String, HashtagTrend> context) {
    this.context = context;
    this.rankings = context.getStateStore(storeName);
    context.schedule(spec.advance(), PunctuationType.STREAM_TIME, this::dropExpired);
  }

  @Override
  public void process(Record<String, ScoredHashtag> record) {
    ScoredHashtag update = record.value();
    if (update == null) {
      return;
    }
    WindowRanking before = rankings.get(record.key());
    WindowRanking ranking =
        before == null ? new WindowRanking(update.windowEnd(), Map.of(), Map.of()) : before;
    ranking.entries().put(update.hashtag(), update);
    Map<String, Integer> ranks =
        Ranking.trimAndRank(ranking.entries(), CANDIDATES_PER_RANK * topN, topN);
    List<String> changed = new ArrayList<>();
    changed.add(update.hashtag());
    for (String hashtag : ranking.entries().keySet()) {
      if (!hashtag.equals(update.hashtag())
          && !Objects.equals(ranks.get(hashtag), ranking.ranks().get(hashtag))) {
        changed.add(hashtag);
      }
    }
    rankings.put(record.key(), new WindowRanking(ranking.windowEnd(), ranking.entries(), ranks));
    for (String hashtag : changed) {
      ScoredHashtag entry = ranking.entries().getOrDefault(hashtag, update);
      context.forward(
          record
              .withKey(TrendKeys.of(hashtag, entry.windowStart(), spec))
              .withValue(toTrend(entry, ranks.get(hashtag))));
    }
  }

  static HashtagTrend toTrend(ScoredHashtag entry, Integer rank) {
    return HashtagTrend.newBuilder()
        .setHashtag(entry.hashtag())
        .setWindowStart(Instant.ofEpochMilli(entry.windowStart()))
        .setWindowEnd(Instant.ofEpochMilli(entry.windowEnd()))
        .setEngagementGained(entry.engagement())
        .setDistinctMedia(entry.distinctMedia())
        .setDistinctAccounts(entry.distinctAccounts())
        .setVelocityPerHour(entry.velocity())
        .setBaselineVelocityPerHour(entry.baseline())
        .setTrendScore(entry.score())
        .setRank(rank)
        .setUpdatedAt(Instant.ofEpochMilli(entry.updatedAt()))
        .build();
  }

  private void dropExpired(long streamTime) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, WindowRanking> all = rankings.all()) {
      while (all.hasNext()) {
        KeyValue<String, WindowRanking> next = all.next();
        if (next.value.windowEnd() + retentionMillis < streamTime) {
          expired.add(next.key);
        }
      }
    }
    expired.forEach(rankings::delete);
  }
}
