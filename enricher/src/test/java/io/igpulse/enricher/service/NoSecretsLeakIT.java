package io.igpulse.enricher.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.enricher.config.EnricherConfig;
import io.igpulse.graphapi.version.ApiVersion;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.world.Media;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.logs.LogCapture;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A run with an app secret and a token that gets revoked mid-run: no token and no app secret in any
 * log event (all levels), published record, dead letter, metric or the resolved-config line.
 */
@WithInfrastructure
@WithSimulator
class NoSecretsLeakIT {

  @Test
  void shouldNeverLeakATokenOrTheAppSecret(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    EnricherHarness harness = new EnricherHarness(kafka, registry, sim);
    List<Media> media = Youngest.posts(harness, 2, 2, null);
    int victim = Youngest.FIRST_RESERVED_ACCOUNT;
    List<Media> victimMedia = harness.youngPosts(victim, 1, Duration.ofDays(25), null);
    assertThat(victimMedia).as("a recent post of the account whose token is revoked").isNotEmpty();
    List<Media> all = new ArrayList<>(media);
    all.addAll(victimMedia);
    String appSecret = sim.control().world().path("app").path("secret").asText();
    List<String> secrets = new ArrayList<>();
    secrets.add(appSecret);
    all.forEach(m -> secrets.add(sim.world().account(m.account()).token()));

    LogCapture capture = LogCapture.install();
    TopicReader out = harness.mark(Topics.MEDIA_INSIGHTS);
    TopicReader letters = harness.mark(Topics.DEAD_LETTER);
    String scrape;
    String described;
    try {
      EnricherConfig base =
          harness.config(
              "enricher-secrets-" + UUID.randomUUID().toString().substring(0, 8),
              ApiVersion.DEFAULT);
      EnricherConfig config =
          new EnricherConfig(
              base.bootstrapServers(),
              base.applicationId(),
              base.registry(),
              base.graph().withAppSecret(appSecret),
              base.cadence(),
              base.tick(),
              base.maxReadsPerTick(),
              base.callsPerHour(),
              base.callBurst(),
              base.storyUrgency(),
              base.fetchTimeout(),
              true,
              base.clock(),
              0,
              base.maxLabelledAccounts(),
              base.stateDir(),
              base.streamsOverrides());
      described = config.describe();
      try (EnricherService service = harness.start(config, all)) {
        sim.control()
            .addFault(
                io.igpulse.simulator.api.Json.parse(
                    "{\"kind\":\"revoke_token\",\"account\":\""
                        + sim.world().account(victim).username()
                        + "\"}"));
        harness.discover(all);
        harness.awaitSnapshots(out, EnricherHarness.each(media, 1), Duration.ofSeconds(60));
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> service.metrics().count("igpulse.enricher.account.auth.failures") > 0);
        harness.sendRaw(
            Topics.MEDIA_DISCOVERED.name(), "poison", "x".getBytes(StandardCharsets.UTF_8));
        letters.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(60));
        scrape =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + service.managementPort() + "/metrics"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
      }
    } finally {
      capture.close();
    }

    List<String> texts = new ArrayList<>(capture.lines());
    texts.add(scrape);
    texts.add(described);
    for (ConsumerRecord<byte[], byte[]> r : out.readUntil(x -> true, Duration.ofSeconds(5))) {
      texts.add(new String(r.value(), StandardCharsets.ISO_8859_1));
    }
    for (ConsumerRecord<byte[], byte[]> r :
        letters.readUntil(x -> !x.isEmpty(), Duration.ofSeconds(30))) {
      texts.add(new String(r.value(), StandardCharsets.ISO_8859_1));
      r.headers().forEach(h -> texts.add(new String(h.value(), StandardCharsets.ISO_8859_1)));
    }
    assertThat(capture.lines()).as("the run logged something").isNotEmpty();
    assertThat(String.join("\n", capture.lines())).contains(harness.accountId(victimMedia.get(0)));
    assertThat(scrape).contains("igpulse_enricher_snapshots_total");
    for (String text : texts) {
      for (String secret : secrets) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }
}
