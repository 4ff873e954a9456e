package io.igpulse.enricher.fetch;

import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.graphapi.BatchReader;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.model.MediaKind;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the insights of many due media, of any accounts, with the fewest requests the API allows:
 * one batch request per 50 media, each item carrying its account's token and the full metric set of
 * its media's kind and API version from the client's catalog (minus what the API refused earlier).
 * The capture time is read from the configured clock when the answer is in, i.e. the moment the
 * values describe.
 *
 * <p>A story's last read before it expires also asks for its breakdowns, two calls of their own:
 * navigation by action ({@code navigation.tap_forward}, ...) and profile activity by action ({@code
 * profile_activity.bio_link_clicked}, ...). They are lifetime counts, so the last read holds the
 * story's final split; asking at every five-minute read would triple a story's calls. A breakdown
 * the API does not answer is left out; the story's own metrics stand.
 *
 * <p>A reel is also asked for {@code crossposted_views} and {@code facebook_views}, in a call of
 * its own, until a refusal shows it is not cross-posted to Facebook: only cross-posted reels answer
 * them, and nothing in the media's fields says which reels are. The answer tells the schedule what
 * was learned, so a reel that is not cross-posted costs that call once.
 */
public final class InsightFetcher {

  /**
   * One due media and the token and account it is read as.
   *
   * @param storyBreakdowns whether to ask for the story's breakdowns too (its last read)
   */
  public record Request(
      AccessToken token, String account, ScheduleEntry entry, boolean storyBreakdowns) {

    /** A read of the media's metrics only. */
    public Request(AccessToken token, String account, ScheduleEntry entry) {
      this(token, account, entry, false);
    }

    /**
     * The calls the API charges for this read: its batch item, one per breakdown, one for a reel's
     * cross-posted views.
     */
    public int calls() {
      return 1 + (storyBreakdowns ? BREAKDOWN_CALLS : 0) + (entry.asksCrossPosted() ? 1 : 0);
    }
  }

  /** Breakdowns asked of a story at its last read: navigation, profile activity. */
  static final int BREAKDOWN_CALLS = 2;

  /**
   * What one read returned: a result per request, in order, and when it was answered.
   *
   * @param crossPosted per request, whether its reel turned out cross-posted; empty when not asked
   *     or not answered
   */
  public record Answer(
      List<GraphResult<MediaInsights>> results,
      List<Optional<Boolean>> crossPosted,
      Instant capturedAt) {

    /** An answer that learned nothing about cross-posting. */
    public Answer(List<GraphResult<MediaInsights>> results, Instant capturedAt) {
      this(results, results.stream().map(r -> Optional.<Boolean>empty()).toList(), capturedAt);
    }
  }

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
    List<Optional<Boolean>> crossPosted = new ArrayList<>(due.size());
    for (int from = 0; from < due.size(); from += PER_WAIT) {
      List<Request> group = due.subList(from, Math.min(due.size(), from + PER_WAIT));
      List<BatchReader.Target> targets =
          group.stream()
              .map(r -> new BatchReader.Target(r.token(), r.account(), asMedia(r.entry())))
              .toList();
      Optional<List<GraphResult<MediaInsights>>> answer =
          Blocking.await(client.mediaInsightsBatch(targets), timeout);
      // Every reel's cross-posted call is in flight before any is awaited.
      List<Future<GraphResult<Optional<MediaInsights>>>> probes = new ArrayList<>(group.size());
      for (int i = 0; i < group.size(); i++) {
        Request r = group.get(i);
        boolean read = answer.isPresent() && answer.get().get(i).isSuccess();
        probes.add(
            read && r.entry().asksCrossPosted()
                ? client.crosspostedViews(r.token(), r.account(), r.entry().mediaId())
                : null);
      }
      for (int i = 0; i < group.size(); i++) {
        GraphResult<MediaInsights> r = answer.isPresent() ? answer.get().get(i) : null;
        if (r == null) {
          results.add(GraphResult.failed(new GraphError.Transient("no answer within " + timeout)));
          crossPosted.add(Optional.empty());
        } else if (r instanceof GraphResult.Success<MediaInsights> ok) {
          Map<String, Long> values = new LinkedHashMap<>(ok.value().values());
          if (group.get(i).storyBreakdowns()) {
            addBreakdowns(group.get(i), values);
          }
          crossPosted.add(addCrossPosted(probes.get(i), values));
          results.add(GraphResult.ok(new MediaInsights(ok.value().mediaId(), values)));
        } else {
          results.add(r);
          crossPosted.add(Optional.empty());
        }
      }
    }
    return new Answer(results, crossPosted, clock.instant());
  }

  /**
   * Adds a reel's cross-posted views when its call answered them; says what the call showed: true
   * (cross-posted), false (refused: not cross-posted), empty (not asked, or no answer).
   */
  private Optional<Boolean> addCrossPosted(
      Future<GraphResult<Optional<MediaInsights>>> probe, Map<String, Long> values) {
    if (probe == null) {
      return Optional.empty();
    }
    Optional<GraphResult<Optional<MediaInsights>>> answer = Blocking.await(probe, timeout);
    if (answer.isEmpty()
        || !(answer.get() instanceof GraphResult.Success<Optional<MediaInsights>> ok)) {
      return Optional.empty();
    }
    ok.value().ifPresent(views -> values.putAll(views.values()));
    return Optional.of(ok.value().isPresent());
  }

  /** Adds the story's breakdowns to its values, each under {@code <metric>.<action>}. */
  private void addBreakdowns(Request r, Map<String, Long> values) {
    String id = r.entry().mediaId();
    // Both calls are in flight before either is awaited.
    Future<GraphResult<Map<String, Long>>> navigation =
        client.storyNavigation(r.token(), r.account(), id);
    Future<GraphResult<Map<String, Long>>> activity =
        client.storyProfileActivity(r.token(), r.account(), id);
    addBreakdown(values, "navigation", navigation);
    addBreakdown(values, "profile_activity", activity);
  }

  private void addBreakdown(
      Map<String, Long> values, String metric, Future<GraphResult<Map<String, Long>>> call) {
    Optional<GraphResult<Map<String, Long>>> answer = Blocking.await(call, timeout);
    if (answer.isPresent() && answer.get() instanceof GraphResult.Success<Map<String, Long>> ok) {
      ok.value().forEach((action, n) -> values.put(metric + "." + action, n));
    }
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
