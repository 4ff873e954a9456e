package io.igpulse.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @Test
  void shouldLetTheEnvironmentWinOverTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("igpulse.properties");
    Files.writeString(file, "IGPULSE_A=from-file\nIGPULSE_B=only-in-file\n");

    Settings settings =
        Settings.load(Map.of(Settings.CONFIG_FILE, file.toString(), "IGPULSE_A", "from-env"));

    assertThat(settings.required("IGPULSE_A")).isEqualTo("from-env");
    assertThat(settings.required("IGPULSE_B")).isEqualTo("only-in-file");
  }

  @Test
  void shouldNameTheVariableButNotTheValueWhenAValueIsBad() {
    Settings settings = Settings.of(Map.of("IGPULSE_PORT", "s3cr3t-looking", "IGPULSE_D", "30m"));

    assertThatThrownBy(() -> settings.integer("IGPULSE_PORT", 1))
        .hasMessage("IGPULSE_PORT must be an integer")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> settings.duration("IGPULSE_D", Duration.ZERO))
        .hasMessageContaining("IGPULSE_D must be an ISO-8601 duration");
    assertThatThrownBy(() -> settings.required("IGPULSE_MISSING"))
        .hasMessage("IGPULSE_MISSING is required");
  }

  @Test
  void shouldReadTypedValuesAndFallBackWhenUnset() {
    Settings settings =
        Settings.of(
            Map.of(
                "IGPULSE_N", "7",
                "IGPULSE_X", "0.25",
                "IGPULSE_ON", "yes",
                "IGPULSE_EVERY", "PT30M",
                "IGPULSE_TAGS", " a, ,b ,c"));

    assertThat(settings.integer("IGPULSE_N", 1)).isEqualTo(7);
    assertThat(settings.integer("IGPULSE_UNSET", 3)).isEqualTo(3);
    assertThat(settings.decimal("IGPULSE_X", 1)).isEqualTo(0.25);
    assertThat(settings.bool("IGPULSE_ON", false)).isTrue();
    assertThat(settings.duration("IGPULSE_EVERY", Duration.ZERO)).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.list("IGPULSE_TAGS", List.of())).containsExactly("a", "b", "c");
  }

  @Test
  void shouldPassClientSettingsThroughUnderTheirPrefix() {
    Settings settings =
        Settings.of(
            Map.of("IGPULSE_PRODUCER_LINGER_MS", "20", "IGPULSE_PRODUCER_", "x", "OTHER", "y"));

    assertThat(settings.passThrough("IGPULSE_PRODUCER_"))
        .containsExactly(Map.entry("linger.ms", "20"));
  }

  @Test
  void shouldDescribeSecretsOnlyAsSetOrUnset() {
    String line =
        new ConfigDescription()
            .add("port", 8080)
            .secret("appSecret", "very-secret-value")
            .secret("token", null)
            .keysOnly("producer", Map.of("sasl.jaas.config", "password=hunter2"))
            .toString();

    assertThat(line)
        .isEqualTo("port=8080 appSecret=<redacted> token=<unset> producer=[sasl.jaas.config]")
        .doesNotContain("very-secret-value", "hunter2");
  }

  @Test
  void shouldBindToLoopbackUnlessAnAddressIsSet() {
    Settings settings =
        Settings.of(Map.of("IGPULSE_X_BIND_ADDRESS", " 0.0.0.0 ", "IGPULSE_Y_BIND_ADDRESS", "a b"));

    assertThat(settings.bindAddress("IGPULSE_UNSET_BIND_ADDRESS")).isEqualTo("127.0.0.1");
    assertThat(settings.bindAddress("IGPULSE_X_BIND_ADDRESS")).isEqualTo("0.0.0.0");
    assertThatThrownBy(() -> settings.bindAddress("IGPULSE_Y_BIND_ADDRESS"))
        .hasMessage(
            "IGPULSE_Y_BIND_ADDRESS must be one IP address or host name, like 127.0.0.1 or 0.0.0.0");
  }
}
