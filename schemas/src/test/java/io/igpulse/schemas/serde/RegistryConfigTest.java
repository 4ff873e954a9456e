package io.igpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {

  @Test
  void readsUrlAndDefaultsFromTheEnvironment() {
    RegistryConfig config =
        RegistryConfig.fromEnv(Map.of("IGPULSE_REGISTRY_URL", " http://registry:8080 "));

    assertThat(config.url()).hasToString("http://registry:8080");
    assertThat(config.autoRegister()).isTrue();
    assertThat(config.artifactStrategy()).isEqualTo(RegistryConfig.ArtifactStrategy.TOPIC);
  }

  @Test
  void environmentOverridesEverySetting() {
    RegistryConfig config =
        RegistryConfig.fromEnv(
            Map.of(
                "IGPULSE_REGISTRY_URL", "https://r/apis/registry/v3",
                "IGPULSE_REGISTRY_AUTO_REGISTER", "false",
                "IGPULSE_REGISTRY_ARTIFACT_STRATEGY", "record"));

    assertThat(config.autoRegister()).isFalse();
    assertThat(config.artifactStrategy()).isEqualTo(RegistryConfig.ArtifactStrategy.RECORD);
  }

  @Test
  void shouldFailClearlyWithoutAUrl() {
    assertThatThrownBy(() -> RegistryConfig.fromEnv(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IGPULSE_REGISTRY_URL is required");
  }

  @Test
  void shouldRefuseANonHttpUrl() {
    assertThatThrownBy(() -> RegistryConfig.of("ftp://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)");
  }

  @Test
  void serdeConfigPinsTheJdkAdapterAndApicurioFraming() {
    Map<String, Object> config = ApicurioSerdes.config(RegistryConfig.of("http://127.0.0.1:1"));

    assertThat(config)
        .containsEntry("apicurio.registry.url", "http://127.0.0.1:1")
        .containsEntry("apicurio.registry.http.adapter", "JDK")
        .containsEntry("apicurio.registry.auto-register", true)
        .containsEntry("apicurio.registry.find-latest", false)
        .containsEntry("apicurio.registry.headers.enabled", false)
        .containsEntry("apicurio.registry.use-specific-avro-reader", true)
        .containsEntry(
            "apicurio.registry.artifact-resolver-strategy",
            "io.apicurio.registry.serde.strategy.TopicIdStrategy");
  }

  @Test
  void everyStrategyNamesAClassTheSerdesShip() throws ClassNotFoundException {
    for (RegistryConfig.ArtifactStrategy strategy : RegistryConfig.ArtifactStrategy.values()) {
      assertThat(Class.forName(strategy.className())).as(strategy.name()).isNotNull();
    }
  }
}
