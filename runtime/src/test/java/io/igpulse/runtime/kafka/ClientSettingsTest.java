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

  /**
   * The end-to-end run measured about 1.5 s per admin POST; a timing of the same calls showed about
   * 550 ms per registration read, nearly all of it the broker holding the reader's fetch for its
   * default 500 ms wait. With the short wait the same reads take 40–150 ms.
   */
  @Test
  void shouldNeverLetTheBrokerHoldAnAssignedReadersFetchOpen() {
    Map<String, String> operator = Map.of("fetch.max.wait.ms", "500");

    assertThat(ClientSettings.assignedReader("broker:9092", operator))
        .containsEntry("fetch.max.wait.ms", ClientSettings.READ_TO_END_FETCH_WAIT_MS);
    assertThat(ClientSettings.READ_TO_END_FETCH_WAIT_MS).isLessThanOrEqualTo(50);
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

  @Test
  void shouldGiveAnAdminClientTheSecurityOverridesButNoProducerOrConsumerOnlyKeys() {
    Map<String, String> producer =
        Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "producer-login",
            "linger.ms", "5",
            "client.id", "operator-name");
    Map<String, String> consumer =
        Map.of(
            "sasl.jaas.config", "consumer-login",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "max.poll.records", "100");

    Map<String, Object> props =
        ClientSettings.admin("broker:9092", "svc-admin", producer, consumer);

    assertThat(props)
        .containsOnly(
            Map.entry("bootstrap.servers", "broker:9092"),
            Map.entry("client.id", "svc-admin"),
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
            Map.entry("sasl.jaas.config", "consumer-login"),
            Map.entry("ssl.truststore.location", "/etc/kafka/truststore.p12"));
  }

  @Test
  void shouldLetAdminPrefixedStreamsOverridesWinForTheAdminClient() {
    Map<String, String> streams =
        Map.of(
            "security.protocol", "SSL",
            "admin.request.timeout.ms", "90000",
            "request.timeout.ms", "30000",
            "producer.linger.ms", "50",
            "admin.not.a.setting", "x");

    Map<String, Object> props = ClientSettings.admin("broker:9092", "app-topics", streams);

    assertThat(props)
        .containsOnly(
            Map.entry("bootstrap.servers", "broker:9092"),
            Map.entry("client.id", "app-topics"),
            Map.entry("security.protocol", "SSL"),
            Map.entry("request.timeout.ms", "90000"));
  }
}
