package io.igpulse.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

  private static final Map<String, String> OPERATOR =
      Map.of(
          "security.protocol", "SASL_SSL",
          "group.id", "someone-elses-group",
          "group.instance.id", "collector-7",
          "isolation.level", "read_uncommitted",
          "enable.auto.commit", "true",
          "enable.idempotence", "false",
          "acks", "1");

  @Test
  void shouldKeepTheOperatorsSecurityButNeverItsGroupOrUncommittedReadsInAnAssignedReader() {
    Map<String, Object> props = ClientSettings.assignedReader("broker:9092", OPERATOR);

    assertThat(props)
        .containsEntry("bootstrap.servers", "broker:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", false)
        .doesNotContainKey("group.id")
        .doesNotContainKey("group.instance.id");
  }

  @Test
  void shouldKeepIdempotenceAndFullAcksWhateverTheOverrides() {
    Map<String, Object> props = ClientSettings.reliableProducer("broker:9092", "me", OPERATOR);

    assertThat(props)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all")
        .containsEntry("client.id", "me");
  }

  @Test
  void shouldReadCommittedOnlyAndCommitByHandInAGroupConsumer() {
    Map<String, Object> props =
        ClientSettings.groupConsumer("broker:9092", "collector", "collector-1", OPERATOR);

    assertThat(props)
        .containsEntry("group.id", "collector")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", false)
        .containsEntry("security.protocol", "SASL_SSL");
  }
}
