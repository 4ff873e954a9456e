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
                  Http.get(
                          "http://127.0.0.1:" + collector.httpPort() + "/admin/accounts",
                          CollectorHarness.ADMIN)
                      .body()
                      .contains(account));
      int deactivated = cli.run(new String[] {"deactivate", account});
      AccountRegistration after = harness.writer.latest(account).orElseThrow();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  !Http.get(
                          "http://127.0.0.1:" + collector.httpPort() + "/admin/accounts",
                          CollectorHarness.ADMIN)
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
              CollectorHarness.ADMIN);
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
                      CollectorHarness.ADMIN)
                  .statusCode())
          .isEqualTo(422);
      assertThat(List.of(imported.getActive())).containsExactly(true);
    }
  }

  @Test
  void shouldAnswer401WithoutTheRightBearerToken(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "admin-it-auth")) {
      CollectorService collector = harness.start("a3");
      String accounts = "http://127.0.0.1:" + collector.httpPort() + "/admin/accounts";
      String add = "{\"ig_user_id\":\"17841400000000001\",\"token_ref\":\"acct44\"}";

      var none = Http.get(accounts);
      var wrong = Http.get(accounts, Map.of("Authorization", "Bearer not-the-token"));
      var prefix =
          Http.get(
              accounts,
              Map.of("Authorization", "Bearer " + CollectorHarness.ADMIN_TOKEN.substring(0, 10)));
      var bare = Http.get(accounts, Map.of("Authorization", CollectorHarness.ADMIN_TOKEN));
      var write = Http.post(accounts, add, Map.of("Authorization", "Bearer wrong"));
      var right = Http.get(accounts, CollectorHarness.ADMIN);

      for (var refused : List.of(none, wrong, prefix, bare, write)) {
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
            .contains("Bearer realm=\"igpulse-admin\"");
        assertThat(refused.body())
            .isEqualTo(
                "{\"error\":\"a valid Authorization: Bearer <admin token> header is required\"}");
      }
      assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
      assertThat(right.body()).startsWith("{");
      assertThat(harness.writer.latest("17841400000000001")).isEmpty();
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
              CollectorHarness.ADMIN);
      var tooLong =
          Http.post(
              admin + "/import",
              "{\"token_ref\":\"acct47\",\"hashtags\":[\"" + "a".repeat(101) + "\"]}",
              CollectorHarness.ADMIN);

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
