package io.igpulse.benchmarks.graphapi;

import io.igpulse.graphapi.Flavour;
import io.igpulse.graphapi.GraphApiConfig;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.world.WorldSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * HTTP requests per media-insight snapshot when refreshing the newest 1,000 media of one account,
 * counted by the client's request meter (one per HTTP request; a batch is one): field expansion
 * (insights nested in the media listing), batches of 50 with kind-specific metric sets, and the
 * naive one-request-per-media baseline. Target for field expansion: at most 0.05.
 */
public final class InsightRefreshRequests {

  private static final int MEDIA = 1_000;
  private static final int ACCOUNTS = 10;

  private InsightRefreshRequests() {}

  public static void main(String[] args) throws Exception {
    SimulatorConfig config =
        SimulatorConfig.of(42, ACCOUNTS)
            .withWorld(WorldSpec.of(42, ACCOUNTS).withMediaPerAccount(1_400));
    Vertx vertx = Vertx.vertx();
    try (Simulator simulator = Simulator.start(config);
        GraphClient client =
            GraphClient.create(
                vertx,
                GraphApiConfig.defaults(Flavour.FACEBOOK).withBaseUrl(simulator.baseUrl()),
                new SimpleMeterRegistry())) {
      // The account converted to business longest ago: its media all have insights.
      int index = 0;
      for (int i = 1; i < ACCOUNTS; i++) {
        if (simulator.world().account(i).businessSinceSec()
            < simulator.world().account(index).businessSinceSec()) {
          index = i;
        }
      }
      AccessToken token = AccessToken.of(simulator.token(index));
      String ig = Long.toString(simulator.world().account(index).igUserId());
      // HTTP requests as the client sent them (the simulator counts each batch item as a call).
      LongSupplier requests = () -> (long) client.metrics().count("igpulse.graph.requests");

      long before = requests.getAsLong();
      List<Media> expanded = await(client.mediaWithInsights(token, ig, MEDIA)).value();
      long expansionRequests = requests.getAsLong() - before;
      long expandedSnapshots = expanded.stream().filter(m -> m.insights().isPresent()).count();

      before = requests.getAsLong();
      Map<String, GraphResult<MediaInsights>> batched =
          await(client.mediaInsightsBatch(token, ig, expanded));
      long batchRequests = requests.getAsLong() - before;
      long batchedSnapshots = batched.values().stream().filter(GraphResult::isSuccess).count();

      before = requests.getAsLong();
      long naiveSnapshots = 0;
      for (Media m : expanded) {
        if (await(client.mediaInsights(token, ig, m.id(), m.kind())).isSuccess()) {
          naiveSnapshots++;
        }
      }
      long naiveRequests = requests.getAsLong() - before;

      System.out.printf(
          "media listed: %d%n"
              + "field expansion: %d requests for %d snapshots = %.3f requests/snapshot (target <= 0.05)%n"
              + "batches of 50 (kind-specific sets, media list already known): %d requests for %d snapshots = %.3f%n"
              + "naive one request per media: %d requests for %d snapshots = %.3f%n",
          expanded.size(),
          expansionRequests,
          expandedSnapshots,
          (double) expansionRequests / expandedSnapshots,
          batchRequests,
          batchedSnapshots,
          (double) batchRequests / batchedSnapshots,
          naiveRequests,
          naiveSnapshots,
          (double) naiveRequests / naiveSnapshots);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
  }
}
