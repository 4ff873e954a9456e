package io.igpulse.collector.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsCliTest {

  @Test
  void shouldParseVerbArgumentsAndOptions() {
    AccountsCli.Command c =
        AccountsCli.Command.parse(
            new String[] {"add", "17841", "--token-ref", "brand_a", "--hashtags", "sunset, food"});

    assertThat(c.verb()).isEqualTo("add");
    assertThat(c.args()).containsExactly("17841");
    assertThat(c.options()).containsEntry("token-ref", "brand_a");
    assertThat(c.hashtags()).containsExactly("sunset", "food");
  }

  @Test
  void shouldExplainUsageWithoutTouchingKafkaOnABadCommandLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new AccountsCli(
                Map.of(),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(new String[] {"add", "--token-ref"});

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: accounts add");
  }

  @Test
  void shouldRefuseATokenWhereAReferenceBelongs() {
    assertThatThrownBy(
            () ->
                new AccountWriter.Request(
                    "17841", null, "EAAB fake token with spaces", List.of(), null))
        .hasMessageContaining("token_ref");
    assertThatThrownBy(
            () -> new AccountWriter.Request("not-a-number", null, "ref", List.of(), null))
        .hasMessageContaining("ig_user_id");
    assertThat(
            new AccountWriter.Request("17841", null, "ref", List.of("#Sunset", "sunset", " "), null)
                .hashtags())
        .containsExactly("sunset");
  }
}
