package io.igpulse.aggregator.topology.trend;

import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.window.BucketSeries;
import io.igpulse.aggregator.topology.window.HashtagWindow;
import io.igpulse.aggregator.topology.window.HashtagWindowSum;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedWindowStore;

/**
 * Scores each update of a hashtag window and sends it, keyed by window, to the ranking of that
 * window.
 */
public final class HashtagTrendScorer
    implements Processor<Windowed<String>, HashtagWindow, String, ScoredHashtag> {

  private final String windowStoreName;
  private final WindowSpec spec;
  private final TrendScore score;
  private ProcessorContext<String, ScoredHashtag> context;
  private TimestampedWindowStore<String, HashtagWindow> windows;

  public HashtagTrendScorer(String windowStoreName, WindowSpec spec, TrendScore score) {
    this.windowStoreName = windowStoreName;
    this.spec = spec;
    this.score = score;
  }

  @Override
  public void init(ProcessorContext<String, ScoredHashtag> context) {
    this.context = context;
    this.windows = context.getStateStore(windowStoreName);
  }

  @Override
  public void process(Record<Windowed<String>, HashtagWindow> record) {
    if (record.value() == null) {
      return;
    }
    String hashtag = record.key().key();
    BucketSeries<HashtagWindow> series = series(hashtag, record.key().window().start());
    series.slide(
        BucketSeries.windowsContaining(record.key().window().start(), spec),
        new HashtagWindowSum(),
        (start, sum) ->
            context.forward(
                record
                    .withKey(TrendKeys.window(spec, start))
                    .withValue(
                        scored(
                            hashtag,
                            start,
                            sum.engagement(),
                            sum.distinctMedia(),
                            sum.distinctAccounts(),
                            series.latest(start, HashtagWindow::updatedAt),
                            spec,
                            score,
                            (k, t) -> series.engagement(t)))));
  }

  /**
   * The hashtag's buckets that the windows containing {@code bucketStart}, and their baselines, are
   * made of.
   */
  private BucketSeries<HashtagWindow> series(String hashtag, long bucketStart) {
    long[] starts = BucketSeries.windowsContaining(bucketStart, spec);
    return BucketSeries.read(
        windows,
        hashtag,
        starts[0],
        starts[starts.length - 1],
        spec,
        score.windows(),
        HashtagWindow::combine,
        HashtagWindow::engagement);
  }

  /** The scored window of one hashtag, its baseline read through {@code lookup}. */
  public static ScoredHashtag scored(
      String hashtag,
      long start,
      HashtagWindow window,
      WindowSpec spec,
      TrendScore score,
      WindowLookup lookup) {
    return scored(
        hashtag,
        start,
        window.engagement(),
        window.media().size(),
        window.accounts().size(),
        window.updatedAt(),
        spec,
        score,
        lookup);
  }

  /** The scored window of one hashtag from its sums, its baseline read through {@code lookup}. */
  static ScoredHashtag scored(
      String hashtag,
      long start,
      long engagement,
      int distinctMedia,
      int distinctAccounts,
      long updatedAt,
      WindowSpec spec,
      TrendScore score,
      WindowLookup lookup) {
    double velocity = engagement / spec.hours();
    Double baseline =
        score.baseline(
            i -> {
              Long back = lookup.engagement(hashtag, start - i * spec.size().toMillis());
              return back == null ? Long.MIN_VALUE : back;
            },
            spec.hours());
    return new ScoredHashtag(
        hashtag,
        start,
        start + spec.size().toMillis(),
        engagement,
        distinctMedia,
        distinctAccounts,
        velocity,
        baseline,
        TrendScore.score(velocity, baseline),
        updatedAt);
  }
}
