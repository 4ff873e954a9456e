package io.igpulse.enricher.fetch;

import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.graphapi.BatchReader;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the insights of many due media, of any accounts, with the fewest requests the API allows:
 * one batch request per 50 media, each item carrying its account's token and the full metric set of
 * its media's kind and API version from the client's catalog (minus what the API refused earlier).
 * The capture time is read from the configured clock when the answer is in, i.e. the moment the
 * values describe.
 */
public final class InsightFetcher {

  /** One due media and the token and account it is read as. */
  public record Request(AccessToken token, String account, ScheduleEntry entry) {}

  /** What one read returned: a result per request, in order, and when it was answered. */
  public record Answer(List<GraphResult<MediaInsights>> results, Instant capturedAt) {}

  /** Requests answered within one timeout: five batches of 50. */
  static final int PER_WAIT = 250;

  private final GraphClient client;
  private final Clock clock;
  private final Duration timeout;

  public InsightFetcher(GraphClient client, Clock clock, Duration timeout) {
    this.client = client;
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * Reads every request, waiting at most the timeout for each group of {@link #PER_WAIT} (five
   * batches); a request the API did not answer in time fails as transient.
   */
  public Answer read(List<Request> due) {
    List<GraphResult<MediaInsights>> results = new ArrayList<>(due.size());
    for (int from = 0; from < due.size(); from += PER_WAIT) {
      List<Request> group = due.subList(from, Math.min(due.size(), from + PER_WAIT));
      List<BatchReader.Target> targets =
          group.stream()
              .map(r -> new BatchReader.Target(r.token(), r.account(), asMedia(r.entry())))
              .toList();
      Optional<List<GraphResult<MediaInsights>>> answer =
          Blocking.await(client.mediaInsightsBatch(targets), timeout);
      for (int i = 0; i < group.size(); i++) {
        GraphResult<MediaInsights> r = answer.isPresent() ? answer.get().get(i) : null;
        results.add(
            r != null
                ? r
                : GraphResult.failed(new GraphError.Transient("no answer within " + timeout)));
      }
    }
    return new Answer(results, clock.instant());
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
