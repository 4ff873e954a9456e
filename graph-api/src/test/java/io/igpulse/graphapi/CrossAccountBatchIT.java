package io.igpulse.graphapi;

import static io.igpulse.graphapi.ClientFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.simulator.WithSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One batch request for the media of several accounts, each item answered with its own account's
 * token and {@code appsecret_proof}, against the shared simulator over HTTP (the client has the app
 * secret, so a wrong per-item proof would be refused).
 */
@WithSimulator
class CrossAccountBatchIT {

  private static SimControl sim;
  private static ClientFixture fixture;
  private static GraphClient client;

  @BeforeAll
  static void connect(Simulator simulator) {
    sim = new SimControl(simulator.baseUrl());
    String appSecret = sim.world().path("app").path("secret").asText();
    fixture = new ClientFixture(ClientFixture.config(simulator.baseUrl()).withAppSecret(appSecret));
    client = fixture.client;
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void shouldReadTheMediaOfSeveralAccountsInOneRequestPerFiftyWhateverTheAccounts() {
    List<BatchReader.Target> targets = new ArrayList<>();
    for (int account : new int[] {6, 7, 8}) {
      targets.addAll(settledTargets(account, 20));
    }
    assertThat(targets).hasSize(60);
    long before = sim.callsTo("batch");

    List<GraphResult<MediaInsights>> results = await(client.mediaInsightsBatch(targets));

    assertThat(sim.callsTo("batch") - before).isEqualTo(2);
    assertThat(results).hasSize(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      GraphResult<MediaInsights> r = results.get(i);
      assertThat(r.isSuccess()).as("item %d: %s", i, r.error()).isTrue();
      JsonNode truth = sim.truth(targets.get(i).media().id()).path("lifetime");
      assertThat(r.value().mediaId()).isEqualTo(targets.get(i).media().id());
      assertThat(r.value().values().get("reach")).isEqualTo(truth.path("reach").asLong());
    }
  }

  @Test
  void shouldReReadTheCountersOfMentionedMediaOfSeveralAccountsInOneBatchRequest() {
    List<GraphClient.MentionRead> reads = new ArrayList<>();
    List<Media> listed = new ArrayList<>();
    for (int account : new int[] {9, 10, 11}) {
      AccessToken token = AccessToken.of(sim.account(account).path("token").asText());
      String ig = sim.account(account).path("ig_user_id").asText();
      long tagsBefore = sim.callsTo("user_tags");
      List<Media> tagged = await(client.tagCounters(token, ig, 100)).value();
      assertThat(sim.callsTo("user_tags") - tagsBefore).as("one listing").isEqualTo(1);
      assertThat(tagged).isNotEmpty();
      for (Media m : tagged) {
        JsonNode truthOfMedia = sim.truth(m.id());
        JsonNode truth = truthOfMedia.path("lifetime");
        // Likes hidden by the owner are omitted from the edge, not shown as 0.
        Long likes =
            truthOfMedia.path("likes_hidden").asBoolean() ? null : truth.path("likes").asLong();
        assertThat(m.likeCount()).as("likes of %s", m.id()).isEqualTo(likes);
        assertThat(m.commentsCount()).isEqualTo(truth.path("comments").asLong());
        assertThat(m.caption()).as("only the counters are asked for").isNull();
      }
      listed.add(tagged.get(0));
      reads.add(new GraphClient.MentionRead(token, ig, tagged.get(0).id()));
    }
    long batches = sim.callsTo("batch");
    long items = sim.callsTo("user");

    List<GraphResult<Media>> mentioned = await(client.mentionedMediaCounters(reads));

    assertThat(sim.callsTo("batch") - batches).as("one request for three accounts").isEqualTo(1);
    assertThat(sim.callsTo("user") - items).as("one charged item per media").isEqualTo(3);
    for (int i = 0; i < reads.size(); i++) {
      Media m = mentioned.get(i).value();
      assertThat(m.id()).isEqualTo(listed.get(i).id());
      assertThat(m.likeCount()).isEqualTo(listed.get(i).likeCount());
      assertThat(m.commentsCount()).isEqualTo(listed.get(i).commentsCount());
    }
  }

  @Test
  void shouldNotChargeARefusedLeadingTokenToTheOtherAccountsOfTheBatch() {
    List<BatchReader.Target> targets = new ArrayList<>(settledTargets(41, 3));
    targets.addAll(settledTargets(9, 5));
    sim.fault(
        "{\"kind\":\"revoke_token\",\"account\":\""
            + sim.account(41).path("username").asText()
            + "\"}");
    long before = sim.callsTo("batch");

    List<GraphResult<MediaInsights>> results = await(client.mediaInsightsBatch(targets));

    // The first batch is refused as a whole (its leading token is revoked); the other account's
    // items go again in a batch led by their own token.
    assertThat(sim.callsTo("batch") - before).isEqualTo(2);
    for (int i = 0; i < 3; i++) {
      assertThat(results.get(i).error()).isInstanceOf(GraphError.AuthFailed.class);
    }
    for (int i = 3; i < 8; i++) {
      assertThat(results.get(i).value().values().get("reach"))
          .isEqualTo(
              sim.truth(targets.get(i).media().id()).path("lifetime").path("reach").asLong());
    }
  }

  /** Media older than an hour (their numbers no longer move within the test) of one account. */
  private static List<BatchReader.Target> settledTargets(int index, int n) {
    JsonNode account = sim.account(index);
    AccessToken token = AccessToken.of(account.path("token").asText());
    String ig = account.path("ig_user_id").asText();
    Instant now = sim.now();
    List<Media> media =
        await(client.media(token, ig, Integer.MAX_VALUE)).value().stream()
            .filter(
                m -> GraphClientIT.parse(m.timestamp()).isBefore(now.minus(Duration.ofHours(1))))
            .limit(n)
            .toList();
    assertThat(media).hasSize(n);
    return media.stream().map(m -> new BatchReader.Target(token, ig, m)).toList();
  }
}
