package io.igpulse.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.igpulse.aggregator.service.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatorConfigTest {

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("IGPULSE_KAFKA_BOOTSTRAP_SERVERS", "broker:9092");
    env.put("IGPULSE_REGISTRY_URL", "http://registry:8080");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void windowChangelogsOutliveTheStoresByTheCatchUpHorizon() {
    AggregatorConfig defaults = AggregatorConfig.fromEnv(env());
    assertThat(defaults.catchUpHorizon()).isEqualTo(Duration.ofDays(3));
    assertThat(
            StreamsSettings.of(defaults, 0)
                .get(StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG))
        .isEqualTo(Duration.ofDays(3).toMillis());

    AggregatorConfig longer =
        AggregatorConfig.fromEnv(env("IGPULSE_AGGREGATOR_CATCH_UP_HORIZON", "P10D"));
    assertThat(
            StreamsSettings.of(longer, 0)
                .get(StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG))
        .isEqualTo(Duration.ofDays(10).toMillis());
    assertThat(longer.describe()).contains("catchUpHorizon=PT240H");
  }

  @Test
  void theDefaultGraceCoversADaysBacklogAndCanBeSet() {
    assertThat(AggregatorConfig.fromEnv(env()).grace()).isEqualTo(Duration.ofDays(1));
    assertThat(AggregatorConfig.fromEnv(env("IGPULSE_AGGREGATOR_GRACE", "PT15M")).grace())
        .isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aNegativeHorizonIsRefused() {
    assertThatThrownBy(
            () -> AggregatorConfig.fromEnv(env("IGPULSE_AGGREGATOR_CATCH_UP_HORIZON", "-P1D")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("catch-up horizon");
  }

  @Test
  void readsTheConfigFileUnderTheEnvironmentLikeTheOtherServices(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("aggregator.properties");
    Files.writeString(
        file,
        """
        IGPULSE_AGGREGATOR_TOP_HASHTAGS=25
        IGPULSE_AGGREGATOR_GRACE=PT6H
        IGPULSE_AGGREGATOR_WINDOWS=PT2H/PT10M
        IGPULSE_STREAMS_NUM_STREAM_THREADS=2
        """);

    AggregatorConfig config =
        AggregatorConfig.fromEnv(
            env("IGPULSE_CONFIG_FILE", file.toString(), "IGPULSE_AGGREGATOR_GRACE", "PT2H"));

    assertThat(config.topHashtags()).isEqualTo(25);
    assertThat(config.grace()).as("the environment wins").isEqualTo(Duration.ofHours(2));
    assertThat(config.windows())
        .containsExactly(new WindowSpec(Duration.ofHours(2), Duration.ofMinutes(10)));
    assertThat(config.streamsOverrides()).containsEntry("num.stream.threads", "2");
  }

  @Test
  void aBadValueStopsTheStartWithTheVariablesName() {
    assertThatThrownBy(() -> AggregatorConfig.fromEnv(env("IGPULSE_AGGREGATOR_TOP_MEDIA", "five")))
        .hasMessageContaining("IGPULSE_AGGREGATOR_TOP_MEDIA");
    assertThatThrownBy(() -> AggregatorConfig.fromEnv(env("IGPULSE_AGGREGATOR_GRACE", "1 day")))
        .hasMessageContaining("IGPULSE_AGGREGATOR_GRACE");
    assertThatThrownBy(
            () -> AggregatorConfig.fromEnv(env("IGPULSE_AGGREGATOR_WINDOWS", "PT1H/five")))
        .hasMessageContaining("IGPULSE_AGGREGATOR_WINDOWS");
    assertThatThrownBy(
            () -> AggregatorConfig.fromEnv(env("IGPULSE_AGGREGATOR_WINDOWS", "PT1H/PT7M")))
        .hasMessageContaining("IGPULSE_AGGREGATOR_WINDOWS");
    assertThatThrownBy(
            () -> AggregatorConfig.fromEnv(env("IGPULSE_AGGREGATOR_BASELINE_DECAY", "NaN")))
        .hasMessageContaining("IGPULSE_AGGREGATOR_BASELINE_DECAY");
    assertThatThrownBy(
            () -> AggregatorConfig.fromEnv(env("IGPULSE_AGGREGATOR_POSTING_HOURS_ZONE", "Mars")))
        .hasMessageContaining("IGPULSE_AGGREGATOR_POSTING_HOURS_ZONE");
    assertThatThrownBy(() -> AggregatorConfig.fromEnv(Map.of("IGPULSE_REGISTRY_URL", "http://r")))
        .hasMessageContaining("IGPULSE_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void shouldGiveTheTopicAdminClientTheStreamsSecuritySettings() {
    Map<String, Object> admin =
        AggregatorConfig.fromEnv(
                env(
                    "IGPULSE_STREAMS_SECURITY_PROTOCOL", "SASL_SSL",
                    "IGPULSE_STREAMS_SASL_MECHANISM", "SCRAM-SHA-256",
                    "IGPULSE_STREAMS_NUM_STREAM_THREADS", "2"))
            .adminClient();

    assertThat(admin)
        .containsOnly(
            Map.entry("bootstrap.servers", "broker:9092"),
            Map.entry("client.id", "igpulse-aggregator-topics"),
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.mechanism", "SCRAM-SHA-256"));
  }

  @Test
  void shouldListenOnLoopbackUnlessABindAddressIsSet() {
    assertThat(AggregatorConfig.fromEnv(env()).bindAddress()).isEqualTo("127.0.0.1");
    assertThat(
            AggregatorConfig.fromEnv(env("IGPULSE_AGGREGATOR_BIND_ADDRESS", "0.0.0.0"))
                .bindAddress())
        .isEqualTo("0.0.0.0");
  }
}
