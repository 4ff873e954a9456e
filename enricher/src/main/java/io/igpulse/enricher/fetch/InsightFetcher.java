package io.igpulse.enricher.fetch;

import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.graphapi.metrics.MediaKind;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the insights of many due media of one account with the fewest requests the API allows: one
 * batch request per 50 media, each item carrying the full metric set of its media's kind and API
 * version from the client's catalog (minus what the API refused earlier). The capture time is read
 * from the configured clock when the answer is in, i.e. the moment the values describe.
 */
public final class InsightFetcher {

  /** What one read returned: a result per media id and when it was answered. */
  public record Answer(Map<String, GraphResult<MediaInsights>> results, Instant capturedAt) {}

  private final GraphClient client;
  private final Clock clock;
  private final Duration timeout;

  public InsightFetcher(GraphClient client, Clock clock, Duration timeout) {
    this.client = client;
    this.clock = clock;
    this.timeout = timeout;
  }

  public Answer read(AccessToken token, String account, List<ScheduleEntry> due) {
    List<Media> media = due.stream().map(InsightFetcher::asMedia).toList();
    Optional<Map<String, GraphResult<MediaInsights>>> answer =
        Blocking.await(client.mediaInsightsBatch(token, account, media), timeout);
    Instant capturedAt = clock.instant();
    Map<String, GraphResult<MediaInsights>> results = new LinkedHashMap<>();
    for (ScheduleEntry e : due) {
      GraphResult<MediaInsights> r = answer.map(a -> a.get(e.mediaId())).orElse(null);
      results.put(
          e.mediaId(),
          r != null
              ? r
              : GraphResult.failed(new GraphError.Transient("no answer within " + timeout)));
    }
    return new Answer(results, capturedAt);
  }

  /** The metrics a request for this kind carries now (after what the API refused). */
  public List<String> asked(MediaKind kind) {
    return client.insights().metricsFor(kind);
  }

  /** The catalog's metrics for this kind and version, before any refusal. */
  public List<String> offered(MediaKind kind) {
    return client.catalog().metricsFor(kind, client.config().version());
  }

  public String apiVersion() {
    return client.config().version().toString();
  }

  public static MediaKind kindOf(ScheduleEntry e) {
    return MediaKind.of(e.productType(), e.mediaType());
  }

  private static Media asMedia(ScheduleEntry e) {
    return new Media(
        e.mediaId(),
        null,
        e.mediaType(),
        e.productType(),
        null,
        null,
        null,
        null,
        null,
        Optional.empty());
  }
}
