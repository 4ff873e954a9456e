package io.igpulse.enricher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.igpulse.runtime.clock.ServiceClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnricherConfigTest {

  @Test
  void shouldApplyTheDocumentedDefaults() {
    EnricherConfig c =
        EnricherConfig.fromEnv(
            Map.of(
                "IGPULSE_KAFKA_BOOTSTRAP_SERVERS",
                "k:9092",
                "IGPULSE_REGISTRY_URL",
                "http://r:8080"));
    assertThat(c.managementPort()).isEqualTo(9085);
    assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(c.tick()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.callsPerHour()).isEqualTo(180);
    assertThat(c.callBurst()).isEqualTo(180);
    assertThat(c.clock()).isSameAs(ServiceClock.SYSTEM);
    assertThat(c.cadence().maxAge()).isEqualTo(Duration.ofDays(30));
    assertThat(c.cadence().storyStep()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.accountInsights()).isTrue();
    assertThat(c.tokensFile()).isEmpty();
  }

  @Test
  void shouldReadThePublicCounterSettings() {
    EnricherConfig defaults =
        EnricherConfig.fromEnv(
            Map.of(
                "IGPULSE_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "IGPULSE_REGISTRY_URL", "http://r:8080",
                "IGPULSE_ENRICHER_CALLS_PER_HOUR", "100"));
    assertThat(defaults.publicCounters().callsPerHour()).isEqualTo(25);
    assertThat(defaults.publicCounters().cadence().stepAt(Duration.ZERO))
        .isEqualTo(Duration.ofHours(1));
    EnricherConfig c =
        EnricherConfig.fromEnv(
            Map.of(
                "IGPULSE_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "IGPULSE_REGISTRY_URL", "http://r:8080",
                "IGPULSE_ENRICHER_PUBLIC_CADENCE", "PT2H/PT30M,P2D/PT2H",
                "IGPULSE_ENRICHER_PUBLIC_CALLS_PER_HOUR", "12",
                "IGPULSE_ENRICHER_PUBLIC_HASHTAG_CALLS_PER_HOUR", "40",
                "IGPULSE_ENRICHER_PUBLIC_MAX_LISTED", "200"));
    assertThat(c.publicCounters().cadence().maxAge()).isEqualTo(Duration.ofDays(2));
    assertThat(c.publicCounters().callsPerHour()).isEqualTo(12);
    assertThat(c.publicCounters().hashtagCallsPerHour()).isEqualTo(40);
    assertThat(c.publicCounters().maxListed()).isEqualTo(200);
  }

  @Test
  void shouldReadOverridesAndPassStreamsSettingsThrough() {
    EnricherConfig c =
        EnricherConfig.fromEnv(
            Map.of(
                "IGPULSE_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "IGPULSE_REGISTRY_URL", "http://r:8080",
                "IGPULSE_ENRICHER_CADENCE", "PT1H/PT10M,P2D/PT1H",
                "IGPULSE_CLOCK", "simulator",
                "IGPULSE_GRAPH_BASE_URL", "http://127.0.0.1:1",
                "IGPULSE_ENRICHER_CALLS_PER_HOUR", "60",
                "IGPULSE_TOKENS_FILE", "/run/secrets/igpulse-tokens",
                "IGPULSE_STREAMS_NUM_STREAM_THREADS", "2"));
    // The same tokens file as the collector's: the README offers it to every service.
    assertThat(c.tokensFile()).contains("/run/secrets/igpulse-tokens");
    assertThat(c.cadence().maxAge()).isEqualTo(Duration.ofDays(2));
    assertThat(c.clock()).hasToString("simulator");
    assertThat(c.callBurst()).isEqualTo(60);
    assertThat(c.streamsOverrides()).containsEntry("num.stream.threads", "2");
  }

  @Test
  void shouldNeverPrintTheAppSecretOrOverrideValues() {
    EnricherConfig c =
        EnricherConfig.fromEnv(
            Map.of(
                "IGPULSE_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "IGPULSE_REGISTRY_URL", "http://r:8080",
                "IGPULSE_GRAPH_APP_SECRET", "fake-app-secret-0123",
                "IGPULSE_STREAMS_SASL_JAAS_CONFIG", "password=fake-pw-0123"));
    assertThat(c.describe()).doesNotContain("fake-app-secret-0123").doesNotContain("fake-pw-0123");
  }

  @Test
  void shouldRefuseAnUnknownClock() {
    assertThatThrownBy(
            () ->
                EnricherConfig.fromEnv(
                    Map.of(
                        "IGPULSE_KAFKA_BOOTSTRAP_SERVERS",
                        "k",
                        "IGPULSE_REGISTRY_URL",
                        "http://r:8080",
                        "IGPULSE_CLOCK",
                        "sundial")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IGPULSE_CLOCK");
  }

  @Test
  void shouldGiveTheTopicAdminClientTheStreamsSecuritySettings() {
    Map<String, Object> admin =
        EnricherConfig.fromEnv(
                Map.of(
                    "IGPULSE_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                    "IGPULSE_REGISTRY_URL", "http://r:8080",
                    "IGPULSE_STREAMS_SECURITY_PROTOCOL", "SSL",
                    "IGPULSE_STREAMS_SSL_KEYSTORE_TYPE", "PKCS12",
                    "IGPULSE_STREAMS_COMMIT_INTERVAL_MS", "500"))
            .adminClient();

    assertThat(admin)
        .containsOnly(
            Map.entry("bootstrap.servers", "k:9092"),
            Map.entry("client.id", "igpulse-enricher-topics"),
            Map.entry("security.protocol", "SSL"),
            Map.entry("ssl.keystore.type", "PKCS12"));
  }
}
