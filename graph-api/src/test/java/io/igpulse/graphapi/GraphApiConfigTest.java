package io.igpulse.graphapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.igpulse.graphapi.version.ApiVersion;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphApiConfigTest {

  @Test
  void shouldDefaultToFacebookV24AndAThreeQuarterPacingTarget() {
    GraphApiConfig config = GraphApiConfig.fromEnv(Map.of());
    assertThat(config.baseUrl()).isEqualTo("https://graph.facebook.com");
    assertThat(config.version()).isEqualTo(new ApiVersion(24, 0));
    assertThat(config.pacingTarget()).isEqualTo(0.75);
    assertThat(config.appSecret()).isEmpty();
    assertThat(config.versionedBase()).isEqualTo("https://graph.facebook.com/v24.0");
  }

  @Test
  void shouldLetTheEnvironmentWin() {
    GraphApiConfig config =
        GraphApiConfig.fromEnv(
            Map.of(
                "IGPULSE_GRAPH_FLAVOUR", "graph.instagram.com",
                "IGPULSE_GRAPH_VERSION", "v25.0",
                "IGPULSE_GRAPH_BASE_URL", "http://127.0.0.1:8099/",
                "IGPULSE_GRAPH_PACING_TARGET", "0.6",
                "IGPULSE_GRAPH_TIMEOUT_MS", "1500",
                "IGPULSE_GRAPH_APP_SECRET", "s3cr3t-app-secret"));
    assertThat(config.flavour()).isEqualTo(Flavour.INSTAGRAM);
    assertThat(config.flavour().hasHashtagSearch()).isFalse();
    assertThat(config.versionedBase()).isEqualTo("http://127.0.0.1:8099/v25.0");
    assertThat(config.pacingTarget()).isEqualTo(0.6);
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.appSecret()).contains("s3cr3t-app-secret");
    assertThat(config.toString()).doesNotContain("s3cr3t-app-secret");
  }

  @Test
  void shouldRefuseNonsense() {
    assertThatThrownBy(() -> GraphApiConfig.fromEnv(Map.of("IGPULSE_GRAPH_PACING_TARGET", "1.5")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiVersion.parse("latest"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ApiVersion.parse("v21.0")).isLessThan(ApiVersion.DEFAULT);
  }
}
