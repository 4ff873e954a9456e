package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.config.CollectorConfig;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.logs.LogCapture;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Runs the collector through what makes it talk — start-up config line, discovery, a revoked token,
 * forged and genuine webhooks, admin calls, a poison registration — with every log event captured
 * at every level, then checks that no access token, the app secret, the webhook verify token or the
 * admin token appears in any log line, topic record, metric or admin answer. Accounts 40–41.
 */
@WithInfrastructure
@WithSimulator
class NoSecretsLeakIT {

  @Test
  void shouldNeverShowATokenOrASecret(KafkaCluster kafka, SchemaRegistry registry, Simulator sim)
      throws Exception {
    String appSecret = sim.config().api().app().appSecret();
    String verify = "verify-token-for-leak-test";
    String admin = "admin-token-for-leak-test";
    List<String> secrets = new ArrayList<>(List.of(appSecret, verify, admin));
    for (int i = 0; i < sim.world().accountCount(); i++) {
      secrets.add(sim.token(i));
    }
    Map<String, String> extra =
        Map.of(
            "IGPULSE_COLLECTOR_APP_SECRET", appSecret,
            "IGPULSE_GRAPH_APP_SECRET", appSecret,
            "IGPULSE_COLLECTOR_WEBHOOK_VERIFY_TOKEN", verify,
            "IGPULSE_COLLECTOR_ADMIN_TOKEN", admin);
    LogCapture capture = LogCapture.install();
    List<String> printed = new ArrayList<>();
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "leak-it")) {
      printed.add(CollectorConfig.fromEnv(harness.env("x1", extra)).describe());
      CollectorService collector = harness.start("x1", extra);
      String base = "http://127.0.0.1:" + collector.httpPort();
      Http.post(
          sim.baseUrl() + "/_sim/faults",
          "{\"kind\":\"revoke_token\",\"account\":\"" + sim.world().account(41).username() + "\"}",
          Map.of());
      harness.register(40, List.of(sim.world().hashtags().name(5)));
      harness.register(41, List.of());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  collector.meters().get("igpulse.collector.accounts.failing").gauge().value()
                          == 1.0
                      && collector.meters().find("igpulse.collector.discovered").counters().stream()
                              .mapToDouble(c -> c.count())
                              .sum()
                          > 0);
      String body =
          "{\"object\":\"instagram\",\"entry\":[{\"id\":\""
              + GroundTruth.account(sim.world(), 40)
              + "\",\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"1\",\"media\":{\"id\":\"17900000004000001\"}}}]}]}";
      printed.add(
          Http.post(base + "/webhooks/instagram", body, Map.of("X-Hub-Signature-256", "sha256=00"))
              .body());
      printed.add(
          Http.post(
                  base + "/webhooks/instagram",
                  body,
                  Map.of(
                      "X-Hub-Signature-256",
                      "sha256="
                          + sim.config().api().app().sign(body.getBytes(StandardCharsets.UTF_8))))
              .body());
      printed.add(
          Http.get(
                  base
                      + "/webhooks/instagram?hub.mode=subscribe&hub.challenge=1&hub.verify_token="
                      + verify)
              .body());
      printed.add(
          Http.get(base + "/admin/accounts", Map.of("Authorization", "Bearer " + admin)).body());
      printed.add(
          Http.post(
                  base + "/admin/accounts/import",
                  "{\"token_ref\":\"acct40\"}",
                  Map.of("Authorization", "Bearer " + admin))
              .body());
      printed.add(
          Http.get(base + "/admin/accounts", Map.of("Authorization", "Bearer " + admin)).body());
      printed.add(Http.get("http://127.0.0.1:" + collector.managementPort() + "/metrics").body());
      printed.add(
          Http.get("http://127.0.0.1:" + collector.managementPort() + "/health/ready").body());
      harness.deactivate(40);
      harness.deactivate(41);
    } finally {
      capture.close();
      Http.delete(sim.baseUrl() + "/_sim/faults");
    }
    for (String topic :
        List.of(
            Topics.ACCOUNTS.name(),
            Topics.MEDIA_DISCOVERED.name(),
            Topics.DEAD_LETTER.name(),
            "igpulse.collector.seen.leak-it",
            "igpulse.collector.webhooks.leak-it")) {
      printed.addAll(records(kafka, topic));
    }

    assertThat(capture.lines()).anyMatch(l -> l.contains("is failing"));
    assertThat(capture.lines())
        .anyMatch(l -> l.contains("Starting collector") || l.contains("started"));
    List<String> texts = new ArrayList<>(capture.lines());
    texts.addAll(printed);
    for (String text : texts) {
      for (String secret : secrets) {
        assertThat(text).as("printed text").doesNotContain(secret);
      }
    }
  }

  private static List<String> records(KafkaCluster kafka, String topic) {
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> tps =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      Map<TopicPartition, Long> end = consumer.endOffsets(tps);
      while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          StringBuilder sb = new StringBuilder();
          if (r.key() != null) {
            sb.append(new String(r.key(), StandardCharsets.ISO_8859_1));
          }
          if (r.value() != null) {
            sb.append(' ').append(new String(r.value(), StandardCharsets.ISO_8859_1));
          }
          r.headers()
              .forEach(
                  h -> sb.append(' ').append(new String(h.value(), StandardCharsets.ISO_8859_1)));
          out.add(sb.toString());
        }
      }
    }
    return out;
  }
}
