package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.discovery.SeenKey;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.events.AccountRegistration;
import io.igpulse.events.DiscoverySource;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.schemas.deadletter.DeadLetters;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.world.Ids;
import io.igpulse.testkit.LengthBombs;
import io.igpulse.testkit.SampleEvents;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One collector against the shared (frozen-clock) simulator: accounts 0–5 of its world. Every media
 * of every source is emitted exactly once and the set equals the world's ground truth; bad input (a
 * poison registration, malformed answers, a revoked token) never stops it.
 */
@WithInfrastructure
@WithSimulator
class DiscoveryIT {

  private static CollectorHarness harness;
  private static CollectorService collector;
  private static Simulator sim;

  @BeforeAll
  static void start(KafkaCluster kafka, SchemaRegistry registry, Simulator simulator) {
    sim = simulator;
    harness = new CollectorHarness(kafka, registry, simulator, "discovery-it");
    collector = harness.start("d1");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void shouldEmitEveryMediaOfEverySourceExactlyOnce() throws Exception {
    // Setup: three accounts, two of them tracking popular hashtags; one added through the admin
    // API.
    String tagA = sim.world().hashtags().name(0);
    String tagB = sim.world().hashtags().name(2);
    Map<Integer, List<String>> followed =
        Map.of(0, List.of(tagA, tagB), 1, List.of(tagB), 2, List.of());
    Set<String> accounts = new HashSet<>();
    followed.keySet().forEach(i -> accounts.add(GroundTruth.account(sim.world(), i)));
    GroundTruth truth = new GroundTruth(sim.world());
    long now = sim.clock().nowEpochSecond();
    Set<SeenKey> expected = new HashSet<>();
    followed.forEach((i, tags) -> expected.addAll(truth.all(i, tags, now)));

    try (OutputTap tap = harness.tap(accounts)) {
      // Exercise
      var added =
          Http.post(
              "http://127.0.0.1:" + collector.httpPort() + "/admin/accounts",
              "{\"ig_user_id\":\""
                  + GroundTruth.account(sim.world(), 0)
                  + "\",\"token_ref\":\"acct0\","
                  + "\"label\":\"first\",\"hashtags\":[\""
                  + tagA
                  + "\",\"#"
                  + tagB.toUpperCase()
                  + "\"]}",
              CollectorHarness.ADMIN);
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
      harness.register(1, followed.get(1));
      harness.register(2, followed.get(2));

      // Verify: the truth arrives, then several more turns of every source add nothing.
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> new HashSet<>(tap.keys()).containsAll(expected));
      await()
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(10))
          .until(() -> tap.keys().size() == expected.size());
      List<SeenKey> emitted = tap.keys();
      assertThat(emitted).hasSize(expected.size()).doesNotHaveDuplicates();
      assertThat(new HashSet<>(emitted)).isEqualTo(expected);

      List<MediaDiscovered> events = tap.events();
      assertThat(events)
          .anyMatch(
              e -> e.getMediaProductType() == MediaProductType.STORY && e.getExpiresAt() != null);
      assertThat(events).anyMatch(e -> e.getMediaProductType() == MediaProductType.REELS);
      assertThat(events).anyMatch(e -> e.getMediaType() == MediaType.CAROUSEL_ALBUM);
      assertThat(events).anyMatch(e -> tagA.equals(e.getHashtag()));
      assertThat(events).allMatch(e -> e.getPostedAt().toEpochMilli() <= now * 1000);
      // Owners only where the edge says who they are: the account for its own media and stories,
      // no id for tagged and hashtag media, the tags edge's username, none from hashtag edges.
      assertThat(events).anyMatch(e -> e.getSource() == DiscoverySource.TAGGED);
      for (MediaDiscovered e : events) {
        int owner = Ids.accountOfMedia(Long.parseLong(e.getMediaId()));
        String ownerUsername = sim.world().account(owner).username();
        switch (e.getSource()) {
          case OWNED, STORY -> {
            assertThat(e.getOwnerId()).isEqualTo(e.getFollowedAccountId());
            assertThat(e.getOwnerUsername()).isEqualTo(ownerUsername);
          }
          case TAGGED, MENTION -> {
            assertThat(e.getOwnerId()).as("owner id of %s", e.getMediaId()).isNull();
            assertThat(e.getOwnerUsername()).isEqualTo(ownerUsername);
          }
          default -> {
            assertThat(e.getOwnerId()).isNull();
            assertThat(e.getOwnerUsername()).as("hashtag media %s", e.getMediaId()).isNull();
          }
        }
      }
    } finally {
      for (int i : followed.keySet()) {
        harness.deactivate(i);
      }
    }
  }

  /**
   * Garbage and length bombs (a few bytes with the registrations' real schema id declaring a 2 GB
   * string or a 2-billion-item hashtag array) on the accounts topic: each is dead-lettered, the
   * accounts loop survives (no OutOfMemoryError) and the registration after them is polled.
   */
  @Test
  void shouldDeadLetterAPoisonRegistrationAndKeepPolling(
      KafkaCluster kafka, SchemaRegistry registry) throws Exception {
    TopicReader deadLetters = TopicReader.mark(kafka, Topics.DEAD_LETTER.name());
    Set<String> accounts = Set.of(GroundTruth.account(sim.world(), 3));
    long now = sim.clock().nowEpochSecond();
    Set<SeenKey> expected = new GroundTruth(sim.world()).owned(3, now);
    byte[] example =
        Topics.ACCOUNTS
            .valueSerde(registry.config())
            .serializer()
            .serialize(
                Topics.ACCOUNTS.name(), SampleEvents.accountRegistration("17841400000000000"));
    Map<String, byte[]> poisons = new java.util.LinkedHashMap<>();
    poisons.put("NOT_AVRO_FRAMED", "not avro".getBytes(StandardCharsets.UTF_8));
    poisons.put(
        "CORRUPT_BODY (string bomb)",
        LengthBombs.stringBomb(example, AccountRegistration.getClassSchema()));
    poisons.put(
        "CORRUPT_BODY (array bomb)",
        LengthBombs.arrayBomb(example, AccountRegistration.getClassSchema(), "hashtags"));

    try (OutputTap tap = harness.tap(accounts);
        KafkaProducer<byte[], byte[]> raw =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
      byte[] key = GroundTruth.account(sim.world(), 3).getBytes(StandardCharsets.UTF_8);
      for (byte[] poison : poisons.values()) {
        raw.send(new ProducerRecord<>(Topics.ACCOUNTS.name(), key, poison))
            .get(10, TimeUnit.SECONDS);
      }
      harness.register(3, List.of());

      var letters =
          deadLetters.readUntil(
              rs ->
                  poisons.values().stream()
                      .allMatch(
                          p ->
                              rs.stream()
                                  .anyMatch(
                                      r ->
                                          "collector"
                                                  .equals(
                                                      DeadLetters.header(
                                                          r.headers(), DeadLetters.SERVICE))
                                              && java.util.Arrays.equals(r.value(), p))),
              Duration.ofSeconds(30));
      for (Map.Entry<String, byte[]> poison : poisons.entrySet()) {
        var letter =
            letters.stream()
                .filter(
                    r -> "collector".equals(DeadLetters.header(r.headers(), DeadLetters.SERVICE)))
                .filter(r -> java.util.Arrays.equals(r.value(), poison.getValue()))
                .findFirst()
                .orElseThrow();
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.TOPIC))
            .isEqualTo(Topics.ACCOUNTS.name());
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.CAUSE))
            .as(poison.getKey())
            .contains(poison.getKey().split(" ")[0]);
      }
      assertThat(poisons.get("CORRUPT_BODY (string bomb)")).hasSizeLessThanOrEqualTo(10);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  tap.keys().stream()
                          .filter(k -> k.source() == io.igpulse.events.DiscoverySource.OWNED)
                          .count()
                      == expected.size());
      assertThat(collector.ready()).isTrue();
      assertThat(collector.meters().get("igpulse.collector.deadletters").counter().count())
          .isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void shouldMarkARevokedAccountFailingAndGoOnWithOthersThroughMalformedAnswers() throws Exception {
    String victim = sim.world().account(4).username();
    String base = sim.baseUrl() + "/_sim/faults";
    Http.post(base, "{\"kind\":\"revoke_token\",\"account\":\"" + victim + "\"}", Map.of());
    Http.post(
        base, "{\"kind\":\"malformed_json\",\"endpoint\":\"user_stories\",\"count\":3}", Map.of());
    Http.post(base, "{\"kind\":\"error_500\",\"endpoint\":\"user_tags\",\"count\":4}", Map.of());
    try (OutputTap tap = harness.tap(Set.of(GroundTruth.account(sim.world(), 5)))) {
      long now = sim.clock().nowEpochSecond();
      GroundTruth truth = new GroundTruth(sim.world());
      Set<SeenKey> expected = new HashSet<>(truth.all(5, List.of(), now));

      harness.register(4, List.of());
      harness.register(5, List.of());

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  collector.meters().get("igpulse.collector.accounts.failing").gauge().value()
                      == 1.0);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> new HashSet<>(tap.keys()).equals(expected));
      assertThat(tap.keys()).doesNotHaveDuplicates();
      var status =
          Http.get(
              "http://127.0.0.1:" + collector.httpPort() + "/admin/accounts",
              CollectorHarness.ADMIN);
      assertThat(status.body()).contains("FAILING");
      assertThat(collector.ready()).isTrue();
    } finally {
      Http.delete(base);
      harness.deactivate(4);
      harness.deactivate(5);
    }
  }
}
