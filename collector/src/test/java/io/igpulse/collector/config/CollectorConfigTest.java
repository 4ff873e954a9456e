package io.igpulse.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectorConfigTest {

  private static final Map<String, String> MINIMAL =
      Map.of(
          "IGPULSE_KAFKA_BOOTSTRAP_SERVERS",
          "kafka:9092",
          "IGPULSE_REGISTRY_URL",
          "http://registry:8080");

  @Test
  void shouldApplyTheDocumentedDefaults() {
    CollectorConfig c = CollectorConfig.fromEnv(MINIMAL);

    assertThat(c.httpPort()).isEqualTo(8084);
    assertThat(c.managementPort()).isEqualTo(9084);
    assertThat(c.groupId()).isEqualTo("igpulse-collector");
    assertThat(c.schedule().stories()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.schedule().owned()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.schedule().fullSweep()).isEqualTo(Duration.ofHours(24));
    assertThat(c.seenTopic()).isEqualTo("igpulse.collector.seen");
    assertThat(c.seenExpiry().afterDiscovery()).isEqualTo(Duration.ofDays(2));
    assertThat(c.seenSweepInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.webhookTopic()).isEqualTo("igpulse.collector.webhooks");
    assertThat(c.transactionalId()).startsWith("igpulse-collector-");
    assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(c.adminAuth().mode()).isEqualTo(AdminAuth.Mode.TOKEN);
    assertThat(c.adminAuth().token()).isEmpty();
  }

  @Test
  void shouldReadTheAdminAuthAndBindAddressAndNeverLogTheToken() {
    Map<String, String> env = new java.util.HashMap<>(MINIMAL);
    env.put("IGPULSE_COLLECTOR_ADMIN_TOKEN", "admin-token-value");
    env.put("IGPULSE_COLLECTOR_BIND_ADDRESS", "0.0.0.0");

    CollectorConfig c = CollectorConfig.fromEnv(env);

    assertThat(c.adminAuth().token()).contains("admin-token-value");
    assertThat(c.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(c.describe())
        .contains("adminAuth=token", "adminToken=<redacted>", "bind=0.0.0.0")
        .doesNotContain("admin-token-value");
    env.put("IGPULSE_COLLECTOR_ADMIN_TOKEN", "");
    env.put("IGPULSE_COLLECTOR_ADMIN_AUTH", "disabled");
    assertThat(CollectorConfig.fromEnv(env).adminAuth().mode()).isEqualTo(AdminAuth.Mode.DISABLED);
    env.put("IGPULSE_COLLECTOR_BIND_ADDRESS", "0.0.0.0 127.0.0.1");
    assertThatThrownBy(() -> CollectorConfig.fromEnv(env))
        .hasMessageContaining("IGPULSE_COLLECTOR_BIND_ADDRESS");
  }

  @Test
  void shouldPassClientSettingsThroughAndHideSecretsInTheLogLine() {
    Map<String, String> env = new java.util.HashMap<>(MINIMAL);
    env.put("IGPULSE_COLLECTOR_INSTANCE_ID", "c-1");
    env.put("IGPULSE_COLLECTOR_APP_SECRET", "app-secret-value");
    env.put("IGPULSE_COLLECTOR_WEBHOOK_VERIFY_TOKEN", "verify-value");
    env.put("IGPULSE_PRODUCER_SASL_JAAS_CONFIG", "password-value");
    env.put("IGPULSE_CONSUMER_MAX_POLL_RECORDS", "100");

    CollectorConfig c = CollectorConfig.fromEnv(env);
    String line = c.describe();

    assertThat(c.transactionalId()).isEqualTo("igpulse-collector-c-1");
    assertThat(c.producerOverrides()).containsEntry("sasl.jaas.config", "password-value");
    assertThat(c.consumerOverrides()).containsEntry("max.poll.records", "100");
    assertThat(line)
        .contains("appSecret=<redacted>", "webhookVerifyToken=<redacted>", "sasl.jaas.config");
    assertThat(line).doesNotContain("app-secret-value", "verify-value", "password-value");
  }

  @Test
  void shouldRefuseASeenExpiryThatWouldLetAListedMediaBeEmittedTwice() {
    Map<String, String> env = new java.util.HashMap<>(MINIMAL);
    env.put("IGPULSE_COLLECTOR_SEEN_EXPIRY", "PT12H");

    assertThatThrownBy(() -> CollectorConfig.fromEnv(env))
        .hasMessageContaining("IGPULSE_COLLECTOR_SEEN_EXPIRY");
    env.put("IGPULSE_COLLECTOR_SEEN_EXPIRY", "P7D");
    assertThat(CollectorConfig.fromEnv(env).seenExpiry().afterDiscovery())
        .isEqualTo(Duration.ofDays(7));
    env.put("IGPULSE_COLLECTOR_SEEN_SWEEP_INTERVAL", "PT0S");
    assertThatThrownBy(() -> CollectorConfig.fromEnv(env))
        .hasMessageContaining("IGPULSE_COLLECTOR_SEEN_SWEEP_INTERVAL");
  }

  @Test
  void shouldRefuseAStoryIntervalThatLetsStoriesExpireUnseen() {
    Map<String, String> env = new java.util.HashMap<>(MINIMAL);
    env.put("IGPULSE_COLLECTOR_STORIES_INTERVAL", "PT13H");

    assertThatThrownBy(() -> CollectorConfig.fromEnv(env))
        .hasMessageContaining("IGPULSE_COLLECTOR_STORIES_INTERVAL");
  }

  @Test
  void shouldRequireTheBootstrapServers() {
    assertThatThrownBy(() -> CollectorConfig.fromEnv(Map.of()))
        .hasMessageContaining("IGPULSE_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void shouldGiveTheAdminClientTheSameSecuritySettingsAsTheProducersAndConsumers() {
    Map<String, String> env = new java.util.HashMap<>(MINIMAL);
    env.put("IGPULSE_COLLECTOR_INSTANCE_ID", "c-1");
    env.put("IGPULSE_PRODUCER_SECURITY_PROTOCOL", "SASL_SSL");
    env.put("IGPULSE_PRODUCER_SASL_MECHANISM", "PLAIN");
    env.put("IGPULSE_CONSUMER_SECURITY_PROTOCOL", "SASL_SSL");
    env.put("IGPULSE_CONSUMER_SSL_TRUSTSTORE_TYPE", "PKCS12");
    env.put("IGPULSE_PRODUCER_LINGER_MS", "20");

    Map<String, Object> admin = CollectorConfig.fromEnv(env).adminClient();

    assertThat(admin)
        .containsOnly(
            Map.entry("bootstrap.servers", "kafka:9092"),
            Map.entry("client.id", "collector-admin-c-1"),
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.mechanism", "PLAIN"),
            Map.entry("ssl.truststore.type", "PKCS12"));
  }
}
