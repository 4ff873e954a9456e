package io.igpulse.aggregator.topology.trend;

import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.window.BucketSeries;
import io.igpulse.aggregator.topology.window.EarnedWindow;
import io.igpulse.aggregator.topology.window.EarnedWindowSum;
import io.igpulse.events.EarnedMediaTrend;
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
 * Turns each update of an account's earned-media bucket into the {@link EarnedMediaTrend} of every
 * window containing it (no score: the contract carries none).
 */
public final class EarnedTrendScorer
    implements Processor<Windowed<String>, EarnedWindow, String, EarnedMediaTrend> {

  /** Most engagement first, ties by media id. */
  private static final Comparator<Map.Entry<String, Long>> TOP_MEDIA_ORDER =
      Map.Entry.<String, Long>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  private final String windowStoreName;
  private final WindowSpec spec;
  private final int topMedia;
  private ProcessorContext<String, EarnedMediaTrend> context;
  private TimestampedWindowStore<String, EarnedWindow> windows;

  public EarnedTrendScorer(String windowStoreName, WindowSpec spec, int topMedia) {
    this.windowStoreName = windowStoreName;
    this.spec = spec;
    this.topMedia = topMedia;
  }

  @Override
  public void init(ProcessorContext<String, EarnedMediaTrend> context) {
    this.context = context;
    this.windows = context.getStateStore(windowStoreName);
  }

  @Override
  public void process(Record<Windowed<String>, EarnedWindow> record) {
    if (record.value() == null) {
      return;
    }
    String account = record.key().key();
    long[] starts = BucketSeries.windowsContaining(record.key().window().start(), spec);
    BucketSeries<EarnedWindow> series =
        BucketSeries.read(
            windows,
            account,
            starts[0],
            starts[starts.length - 1],
            spec,
            0,
            EarnedWindow::combine,
            EarnedWindow::engagement);
    series.slide(
        starts,
        new EarnedWindowSum(),
        (start, sum) ->
            context.forward(
                record
                    .withKey(TrendKeys.of(account, start, spec))
                    .withValue(
                        trend(
                            account,
                            start,
                            sum.toWindow(series.latest(start, EarnedWindow::updatedAt)),
                            spec,
                            topMedia))));
  }

  /** The earned-media trend of one account window. */
  public static EarnedMediaTrend trend(
      String account, long start, EarnedWindow window, WindowSpec spec, int topMedia) {
    List<MediaContribution> top =
        TopN.of(window.mediaEngagement().entrySet(), topMedia, TOP_MEDIA_ORDER).stream()
            .map(e -> new MediaContribution(e.getKey(), e.getValue()))
            .toList();
    return EarnedMediaTrend.newBuilder()
        .setIgUserId(account)
        .setWindowStart(Instant.ofEpochMilli(start))
        .setWindowEnd(Instant.ofEpochMilli(start + spec.size().toMillis()))
        .setEngagementGained(window.engagement())
        .setLikesGained(window.likes())
        .setCommentsGained(window.comments())
        .setContributingMedia(window.mediaEngagement().size())
        .setTopMedia(top)
        .setUpdatedAt(Instant.ofEpochMilli(window.updatedAt()))
        .build();
  }
}
