package io.igpulse.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The 3-broker cluster that fault tests use: a broker can be stopped and started, and acks=all
 * survives it.
 */
@WithKafka(brokers = 3)
class BrokerFaultInjectionIT {

  @Test
  void acknowledgedWritesContinueWhileOneOfThreeBrokersIsDownAndItRejoinsTheIsr(KafkaCluster kafka)
      throws Exception {
    String topic = "fault-" + UUID.randomUUID();
    try (Admin admin = kafka.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get();
      assertThat(kafka.brokerCount()).isEqualTo(3);

      kafka.stopBroker(2);
      await().atMost(Duration.ofSeconds(30)).until(() -> isr(admin, topic) == 2);
      RecordMetadata written = produce(kafka, topic, "while-down");

      kafka.startBroker(2);
      await().atMost(Duration.ofSeconds(60)).until(() -> isr(admin, topic) == 3);

      assertThat(written.offset()).isZero();
      assertThat(produce(kafka, topic, "after-rejoin").offset()).isEqualTo(1);
    }
  }

  private static int isr(Admin admin, String topic) throws Exception {
    TopicDescription description =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    return description.partitions().get(0).isr().size();
  }

  private static RecordMetadata produce(KafkaCluster kafka, String topic, String value)
      throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      return producer.send(new ProducerRecord<>(topic, "k", value)).get();
    }
  }
}
