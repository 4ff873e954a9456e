package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.collector.admin.AccountsCli;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.events.AccountRegistration;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ways an account gets followed, end to end: the CLI adds and deactivates (the running
 * collector starts and stops polling it), and the import registers the IG account linked to a
 * token's Page through {@code /me/accounts}. Accounts 45–46 of the shared simulator.
 */
@WithInfrastructure
@WithSimulator
class AdminIT {

  @Test
  void shouldAddAndDeactivateFromTheCommandLine(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "admin-it")) {
      CollectorService collector = harness.start("a1");
      String account = GroundTruth.account(sim.world(), 46);
      Map<String, String> env = harness.env("cli", Map.of());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      AccountsCli cli =
          new AccountsCli(env, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

      int added =
          cli.run(new String[] {"add", account, "--token-ref", "acct46", "--hashtags", "#Sunset"});
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Http.get("http://127.0.0.1:" + collector.httpPort() + "/admin/accounts")
                      .body()
                      .contains(account));
      int deactivated = cli.run(new String[] {"deactivate", account});
      AccountRegistration after = harness.writer.latest(account).orElseThrow();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  !Http.get("http://127.0.0.1:" + collector.httpPort() + "/admin/accounts")
                      .body()
                      .contains(account));

      assertThat(added).isZero();
      assertThat(deactivated).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("\"hashtags\":[\"sunset\"]", "\"active\":false");
      assertThat(after.getActive()).isFalse();
      assertThat(after.getTokenRef()).isEqualTo("acct46");
      assertThat(cli.run(new String[] {"deactivate", "17841499999999999"})).isEqualTo(1);
    }
  }

  @Test
  void shouldImportTheAccountLinkedToATokensPage(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "admin-it-import")) {
      CollectorService collector = harness.start("a2");
      String account = GroundTruth.account(sim.world(), 45);

      var response =
          Http.post(
              "http://127.0.0.1:" + collector.httpPort() + "/admin/accounts/import",
              "{\"token_ref\":\"acct45\",\"hashtags\":[\"food\"]}",
              Map.of());
      AccountRegistration imported = harness.writer.latest(account).orElseThrow();
      harness.deactivate(45);

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).contains(account).doesNotContain(sim.token(45));
      assertThat(imported.getTokenRef()).isEqualTo("acct45");
      assertThat(imported.getHashtags()).containsExactly("food");
      assertThat(imported.getLabel()).isEqualTo(sim.world().account(45).pageName());
      assertThat(
              Http.post(
                      "http://127.0.0.1:" + collector.httpPort() + "/admin/accounts/import",
                      "{\"token_ref\":\"nobody\"}",
                      Map.of())
                  .statusCode())
          .isEqualTo(422);
      assertThat(List.of(imported.getActive())).containsExactly(true);
    }
  }

  @Test
  void shouldAnswerHashtagsThatBreakTheRulesWith400AndAMessage(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "admin-it-tags")) {
      CollectorService collector = harness.start("a3");
      String admin = "http://127.0.0.1:" + collector.httpPort() + "/admin/accounts";
      String account = "17841499999999998"; // not in the world: nothing may register it

      var pipe =
          Http.post(
              admin,
              "{\"ig_user_id\":\""
                  + account
                  + "\",\"token_ref\":\"acct47\","
                  + "\"hashtags\":[\"food|owned\"]}",
              Map.of());
      var tooLong =
          Http.post(
              admin + "/import",
              "{\"token_ref\":\"acct47\",\"hashtags\":[\"" + "a".repeat(101) + "\"]}",
              Map.of());

      assertThat(pipe.statusCode()).isEqualTo(400);
      assertThat(new io.vertx.core.json.JsonObject(pipe.body()).getString("error"))
          .isEqualTo(
              "hashtag 'food|owned' may hold only letters, digits and _"
                  + " (no spaces, #, |, / or punctuation)");
      assertThat(tooLong.statusCode()).isEqualTo(400);
      assertThat(new io.vertx.core.json.JsonObject(tooLong.body()).getString("error"))
          .isEqualTo("hashtag '" + "a".repeat(40) + "…' is longer than 100 characters");
      assertThat(harness.writer.latest(account)).isEmpty();
    }
  }
}
