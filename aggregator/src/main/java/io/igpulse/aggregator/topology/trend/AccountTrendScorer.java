package io.igpulse.aggregator.topology.trend;

import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.window.AccountWindow;
import io.igpulse.aggregator.topology.window.AccountWindowSum;
import io.igpulse.aggregator.topology.window.BucketSeries;
import io.igpulse.events.AccountTrend;
import io.igpulse.events.MediaContribution;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedWindowStore;

/**
 * Turns each update of an account window into an {@link AccountTrend}, scored against the account's
 * own past.
 */
public final class AccountTrendScorer
    implements Processor<Windowed<String>, AccountWindow, String, AccountTrend> {

  /** Most engagement first, ties by media id. */
  private static final Comparator<Map.Entry<String, Long>> TOP_MEDIA_ORDER =
      Map.Entry.<String, Long>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  private final String windowStoreName;
  private final WindowSpec spec;
  private final TrendScore score;
  private final int topMedia;
  private ProcessorContext<String, AccountTrend> context;
  private TimestampedWindowStore<String, AccountWindow> windows;

  public AccountTrendScorer(
      String windowStoreName, WindowSpec spec, TrendScore score, int topMedia) {
    this.windowStoreName = windowStoreName;
    this.spec = spec;
    this.score = score;
    this.topMedia = topMedia;
  }

  @Override
  public void init(ProcessorContext<String, AccountTrend> context) {
    this.context = context;
    this.windows = context.getStateStore(windowStoreName);
  }

  @Override
  public void process(Record<Windowed<String>, AccountWindow> record) {
    if (record.value() == null) {
      return;
    }
    String account = record.key().key();
    BucketSeries<AccountWindow> series = series(account, record.key().window().start());
    series.slide(
        BucketSeries.windowsContaining(record.key().window().start(), spec),
        new AccountWindowSum(),
        (start, sum) ->
            context.forward(
                record
                    .withKey(TrendKeys.of(account, start, spec))
                    .withValue(
                        trend(
                            account,
                            start,
                            sum.toWindow(series.latest(start, AccountWindow::updatedAt)),
                            spec,
                            score,
                            topMedia,
                            (k, t) -> series.engagement(t)))));
  }

  /**
   * The account's buckets that the windows containing {@code bucketStart}, and their baselines, are
   * made of.
   */
  private BucketSeries<AccountWindow> series(String account, long bucketStart) {
    long[] starts = BucketSeries.windowsContaining(bucketStart, spec);
    return BucketSeries.read(
        windows,
        account,
        starts[0],
        starts[starts.length - 1],
        spec,
        score.windows(),
        AccountWindow::combine,
        AccountWindow::engagement);
  }

  /** The trend of one account window, its baseline read through {@code lookup}. */
  public static AccountTrend trend(
      String account,
      long start,
      AccountWindow window,
      WindowSpec spec,
      TrendScore score,
      int topMedia,
      WindowLookup lookup) {
    double velocity = window.engagement() / spec.hours();
    Double baseline =
        score.baseline(
            i -> {
              Long back = lookup.engagement(account, start - i * spec.size().toMillis());
              return back == null ? Long.MIN_VALUE : back;
            },
            spec.hours());
    List<MediaContribution> top =
        TopN.of(window.mediaEngagement().entrySet(), topMedia, TOP_MEDIA_ORDER).stream()
            .map(e -> new MediaContribution(e.getKey(), e.getValue()))
            .toList();
    return AccountTrend.newBuilder()
        .setIgUserId(account)
        .setWindowStart(Instant.ofEpochMilli(start))
        .setWindowEnd(Instant.ofEpochMilli(start + spec.size().toMillis()))
        .setEngagementGained(window.engagement())
        .setReachGained(window.reach())
        .setViewsGained(window.views())
        .setContributingMedia(window.mediaEngagement().size())
        .setTopMedia(top)
        .setVelocityPerHour(velocity)
        .setBaselineVelocityPerHour(baseline)
        .setTrendScore(TrendScore.score(velocity, baseline))
        .setUpdatedAt(Instant.ofEpochMilli(window.updatedAt()))
        .build();
  }
}
