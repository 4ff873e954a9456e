package io.igpulse.aggregator.service;

import static io.igpulse.aggregator.Snapshots.media;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.topology.StoreNames;
import io.igpulse.events.AccountTrend;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/**
 * Two instances share the work and answer for each other; a restart neither loses nor
 * double-counts.
 */
@WithInfrastructure
class AggregatorScalingIT {

  @Test
  void twoInstancesAnswerEveryKeyFromEither(KafkaCluster kafka, SchemaRegistry registry) {
    AggregatorHarness harness = new AggregatorHarness(kafka, registry);
    String id = UUID.randomUUID().toString().substring(0, 8);
    String app = "aggregator-pair-" + id;
    Instant monday = AggregatorHarness.nextBase();
    // Random names: with 8 of them all landed on one instance's tasks about once in 128 runs; with
    // 24, about once in 8 million.
    List<String> accounts = IntStream.range(0, 24).mapToObj(i -> "acc" + i + "-" + id).toList();
    try (AggregatorService one = harness.start(harness.config(app));
        AggregatorService two = harness.start(harness.config(app))) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> one.ready() && two.ready());
      TopicReader trends = harness.mark(Topics.ACCOUNT_TRENDS);
      for (int i = 0; i < accounts.size(); i++) {
        harness.send(
            media(
                "m" + i + "-" + id,
                accounts.get(i),
                List.of(),
                monday,
                monday.plus(Duration.ofMinutes(10)),
                Map.of("engagement", 10L * (i + 1))));
      }
      Map<String, AccountTrend> latest =
          harness.awaitLatest(
              trends,
              Topics.ACCOUNT_TRENDS,
              all -> accounts.stream().allMatch(a -> all.containsKey(a + "@" + monday + "/PT1H")));

      Set<Object> owners = new HashSet<>();
      for (int i = 0; i < accounts.size(); i++) {
        String account = accounts.get(i);
        assertThat(latest.get(account + "@" + monday + "/PT1H").getEngagementGained())
            .isEqualTo(10L * (i + 1));
        owners.add(
            one.streams()
                .queryMetadataForKey(
                    StoreNames.accountBuckets(
                        new WindowSpec(Duration.ofHours(1), Duration.ofMinutes(5))),
                    account,
                    Serdes.String().serializer())
                .activeHost());
        String path =
            "/api/accounts/" + account + "/trend?window=PT1H&from=" + monday + "&to=" + monday;
        for (AggregatorService instance : List.of(one, two)) {
          var response = AggregatorHarness.get(instance.queryPort(), path);
          assertThat(response.statusCode()).as(path).isEqualTo(200);
          assertThat(new JsonArray(response.body()).getJsonObject(0).getLong("engagementGained"))
              .isEqualTo(10L * (i + 1));
        }
      }
      assertThat(owners).as("both instances own some accounts").hasSize(2);
    }
  }

  @Test
  void restartingNeitherLosesNorDoubleCounts(KafkaCluster kafka, SchemaRegistry registry)
      throws Exception {
    AggregatorHarness harness = new AggregatorHarness(kafka, registry);
    String id = UUID.randomUUID().toString().substring(0, 8);
    String app = "aggregator-restart-" + id;
    Instant monday = AggregatorHarness.nextBase();
    String account = "acc-" + id;
    String key = account + "@" + monday + "/PT1H";
    TopicReader trends = harness.mark(Topics.ACCOUNT_TRENDS);

    try (AggregatorService first = harness.start(harness.config(app))) {
      harness.send(
          media(
              "m-" + id,
              account,
              List.of(),
              monday,
              monday.plus(Duration.ofMinutes(10)),
              Map.of("engagement", 10L)),
          media(
              "m-" + id,
              account,
              List.of(),
              monday,
              monday.plus(Duration.ofMinutes(20)),
              Map.of("engagement", 25L)));
      harness.awaitLatest(
          trends,
          Topics.ACCOUNT_TRENDS,
          latest -> latest.containsKey(key) && latest.get(key).getEngagementGained() == 25);
    }
    // The stopped instance left the group: its tasks are free at once, not after the session
    // timeout.
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      assertThat(
              admin
                  .describeConsumerGroups(List.of(app))
                  .describedGroups()
                  .get(app)
                  .get(30, TimeUnit.SECONDS)
                  .members())
          .isEmpty();
    }
    // A new instance with an empty state directory: state comes back from the changelogs, offsets
    // from the group.
    try (AggregatorService second = harness.start(harness.config(app))) {
      harness.send(
          media(
              "m-" + id,
              account,
              List.of(),
              monday,
              monday.plus(Duration.ofMinutes(30)),
              Map.of("engagement", 31L)));

      Map<String, AccountTrend> latest =
          harness.awaitLatest(
              trends,
              Topics.ACCOUNT_TRENDS,
              all -> all.containsKey(key) && all.get(key).getEngagementGained() != 25);
      assertThat(latest.get(key).getEngagementGained()).isEqualTo(31L);
      var served =
          AggregatorHarness.get(
              second.queryPort(),
              "/api/accounts/" + account + "/trend?window=PT1H&from=" + monday + "&to=" + monday);
      assertThat(new JsonArray(served.body()).getJsonObject(0).getLong("engagementGained"))
          .isEqualTo(31L);
    }
  }
}
