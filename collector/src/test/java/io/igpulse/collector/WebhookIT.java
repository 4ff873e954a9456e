package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.kafka.CollectorTopics;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.events.DiscoverySource;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.logs.LogCapture;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook endpoint against two instances: Meta's subscription check (driven by the simulator),
 * forged and unsigned notifications refused with nothing else happening, and a genuine mention
 * received by the instance that does not own the account, routed through Kafka to the one that
 * does, and discovered. Accounts 30–31 of the shared simulator.
 */
@WithInfrastructure
@WithSimulator
class WebhookIT {

  private static final String VERIFY = "verify-me-please";
  private static CollectorHarness harness;
  private static CollectorService one;
  private static CollectorService two;
  private static Simulator sim;

  @BeforeAll
  static void start(KafkaCluster kafka, SchemaRegistry registry, Simulator simulator) {
    sim = simulator;
    harness = new CollectorHarness(kafka, registry, simulator, "webhook-it");
    Map<String, String> extra =
        Map.of(
            "IGPULSE_COLLECTOR_APP_SECRET",
            sim.config().api().app().appSecret(),
            "IGPULSE_COLLECTOR_WEBHOOK_VERIFY_TOKEN",
            VERIFY);
    one = harness.start("w1", extra);
    two = harness.start("w2", extra);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> one.ownedPartitions().size() == 3 && two.ownedPartitions().size() == 3);
  }

  @AfterAll
  static void stop() throws Exception {
    harness.deactivate(30);
    harness.deactivate(31);
    harness.close();
  }

  @Test
  void shouldAnswerTheSubscriptionChallengeOnlyWithTheVerifyToken() throws Exception {
    String url = "http://127.0.0.1:" + one.httpPort() + "/webhooks/instagram";
    HttpResponse<String> good =
        Http.get(url + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + VERIFY);
    HttpResponse<String> bad =
        Http.get(url + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess");
    // The simulator subscribes like Meta does: it must get its challenge echoed.
    HttpResponse<String> subscribed =
        Http.post(
            sim.baseUrl() + "/_sim/webhooks",
            "{\"callback_url\":\""
                + url
                + "\",\"verify_token\":\""
                + VERIFY
                + "\",\"fields\":[\"mentions\"],\"accounts\":0}",
            Map.of());

    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(good.body()).isEqualTo("1158201444");
    assertThat(bad.statusCode()).isEqualTo(403);
    assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
  }

  /**
   * An unsigned flood is counted one by one but logged at most once a minute: anyone can post
   * unsigned notifications at will, and one WARN each would fill the disk and bury other lines.
   */
  @Test
  void shouldCountAnUnsignedFloodButLogItAtMostOnce() throws Exception {
    String url = "http://127.0.0.1:" + two.httpPort() + "/webhooks/instagram";
    double before = unsignedRefusals(two);
    List<Integer> statuses = new java.util.ArrayList<>();

    try (LogCapture logs = LogCapture.install()) {
      for (int i = 0; i < 50; i++) {
        statuses.add(
            Http.post(url, "{\"object\":\"instagram\",\"entry\":[]}", Map.of()).statusCode());
      }

      assertThat(statuses).hasSize(50).containsOnly(401);
      assertThat(unsignedRefusals(two)).isEqualTo(before + 50);
      // LogCapture may receive one event more than once (it sits on every logger config and the
      // root); a probe through the same logger tells how many copies one line makes.
      org.slf4j.LoggerFactory.getLogger(io.igpulse.collector.webhook.WebhookRoutes.class)
          .warn("probe-{}", 1);
      long copies = logs.lines().stream().filter(l -> l.contains("probe-1")).count();
      assertThat(copies).isPositive();
      assertThat(logs.lines().stream().filter(l -> l.contains("Webhook refused (unsigned)")))
          .hasSizeLessThanOrEqualTo((int) copies);
    }
  }

  private static double unsignedRefusals(CollectorService collector) {
    var counter =
        collector.meters().find("igpulse.collector.webhooks").tag("outcome", "unsigned").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void shouldRefuseForgedAndUnsignedNotificationsAndDoNothingElse(KafkaCluster kafka)
      throws Exception {
    String url = "http://127.0.0.1:" + one.httpPort() + "/webhooks/instagram";
    byte[] body = mention(30, "17900000003000001");
    long routedBefore = endOffsets(kafka);

    HttpResponse<String> forged =
        Http.post(
            url,
            new String(body, StandardCharsets.UTF_8),
            Map.of("X-Hub-Signature-256", "sha256=" + "ab".repeat(32)));
    HttpResponse<String> tampered =
        Http.post(
            url,
            new String(body, StandardCharsets.UTF_8).replace("0001", "0002"),
            Map.of("X-Hub-Signature-256", "sha256=" + sim.config().api().app().sign(body)));
    HttpResponse<String> unsigned =
        Http.post(url, new String(body, StandardCharsets.UTF_8), Map.of());

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(tampered.statusCode()).isEqualTo(403);
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(
            one.meters()
                .get("igpulse.collector.webhooks")
                .tag("outcome", "forged")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(
            one.meters()
                .get("igpulse.collector.webhooks")
                .tag("outcome", "unsigned")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(endOffsets(kafka)).isEqualTo(routedBefore);
  }

  @Test
  void shouldDiscoverAGenuineMentionReceivedByTheInstanceThatDoesNotOwnTheAccount()
      throws Exception {
    int index = 31;
    String account = GroundTruth.account(sim.world(), index);
    int partition = CollectorTopics.partitionOf(account, Topics.ACCOUNTS.partitions());
    CollectorService owner = one.ownedPartitions().contains(partition) ? one : two;
    CollectorService other = owner == one ? two : one;
    long now = sim.clock().nowEpochSecond();
    long mentioned =
        Arrays.stream(sim.world().taggedIn(index))
            .filter(id -> sim.world().findMedia(id).createdSec() <= now)
            .findFirst()
            .orElseThrow();
    SeenKey expected =
        new SeenKey(account, DiscoverySource.MENTION, null, Long.toString(mentioned));

    try (OutputTap tap = harness.tap(Set.of(account))) {
      harness.register(index, List.of());
      byte[] body = mention(index, Long.toString(mentioned));
      HttpResponse<String> response =
          Http.post(
              "http://127.0.0.1:" + other.httpPort() + "/webhooks/instagram",
              new String(body, StandardCharsets.UTF_8),
              Map.of("X-Hub-Signature-256", "sha256=" + sim.config().api().app().sign(body)));

      assertThat(response.statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(30)).until(() -> tap.keys().contains(expected));
      assertThat(tap.keys().stream().filter(k -> k.source() == DiscoverySource.MENTION))
          .containsExactly(expected);
      assertThat(
              other
                  .meters()
                  .get("igpulse.collector.webhooks")
                  .tag("outcome", "accepted")
                  .counter()
                  .count())
          .isEqualTo(1);
      assertThat(
              owner
                  .meters()
                  .get("igpulse.collector.discovered")
                  .tag("source", "MENTION")
                  .counter()
                  .count())
          .isEqualTo(1);
    }
  }

  private static byte[] mention(int index, String mediaId) {
    String json =
        "{\"object\":\"instagram\",\"entry\":[{\"id\":\""
            + GroundTruth.account(sim.world(), index)
            + "\",\"time\":1768204800,\"changes\":[{\"field\":\"mentions\",\"value\":{\"media_id\":\""
            + mediaId
            + "\"}}]}]}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static long endOffsets(KafkaCluster kafka) {
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      var tps =
          consumer.partitionsFor("igpulse.collector.webhooks.webhook-it").stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
              .toList();
      return consumer.endOffsets(tps).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
