package io.igpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalConfigTest {

  @Test
  void shouldDefaultToADemoOnLoopbackPortsWithDataInIgpulseData() {
    LocalConfig c = LocalConfig.from(List.of(), Map.of());

    assertThat(c.dataDir()).isEqualTo(Path.of("igpulse-data"));
    assertThat(c.simulated()).isTrue();
    assertThat(c.registryUrl()).isEmpty();
    assertThat(c.ports().byFlag())
        .containsEntry("kafka-port", 9092)
        .containsEntry("aggregator-port", 8083)
        .containsEntry("collector-port", 8084)
        .hasSize(9);
    assertThat(c.demo().speed()).isEqualTo(60.0);
  }

  @Test
  void shouldTakeFlagsOverTheEnvironment() {
    LocalConfig c =
        LocalConfig.from(
            List.of("--kafka-port=9192", "--data-dir", "/tmp/x", "--registry-url=http://r:8080"),
            Map.of("IGPULSE_LOCAL_KAFKA_PORT", "9292", "IGPULSE_LOCAL_SPEED", "120"));

    assertThat(c.ports().kafka()).isEqualTo(9192);
    assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(c.registryUrl()).contains("http://r:8080");
    assertThat(c.demo().speed()).isEqualTo(120.0);
  }

  @Test
  void shouldUseTheRealGraphApiWhenItsUrlIsGiven() {
    LocalConfig c = LocalConfig.from(List.of("--graph-url=https://graph.facebook.com"), Map.of());

    assertThat(c.simulated()).isFalse();
    assertThat(c.graphUrl()).contains("https://graph.facebook.com");
  }

  @Test
  void shouldRefuseBadOptionsNamingThem() {
    assertThatThrownBy(() -> LocalConfig.from(List.of("run"), Map.of()))
        .hasMessageContaining("unexpected argument 'run'");
    assertThatThrownBy(() -> LocalConfig.from(List.of("--speed"), Map.of()))
        .hasMessageContaining("--speed needs a value");
    assertThatThrownBy(() -> LocalConfig.from(List.of("--followed=99"), Map.of()))
        .hasMessageContaining("IGPULSE_LOCAL_FOLLOWED");
    assertThatThrownBy(() -> LocalConfig.from(List.of("--speed=0"), Map.of()))
        .hasMessageContaining("IGPULSE_LOCAL_SPEED");
  }

  @Test
  void shouldPrintAProgressLineWithGroupedFigures() {
    Progress p =
        new Progress(
            Instant.parse("2026-01-12T10:05:00Z"),
            12,
            1234,
            56789,
            101112,
            3,
            List.of(
                new Progress.RankedHashtag("sunset", 4321),
                new Progress.RankedHashtag("bread", 512)));

    assertThat(p.line())
        .isEqualTo(
            "2026-01-12 10:05Z | accounts 12 | media 1,234 | snapshots 56,789 | trend records"
                + " 101,112 | lag 3 | top 1h: #sunset 4,321  #bread 512");
  }
}
