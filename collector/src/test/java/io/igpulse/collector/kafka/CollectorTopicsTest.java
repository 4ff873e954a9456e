package io.igpulse.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.schemas.topic.CleanupPolicy;
import io.igpulse.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class CollectorTopicsTest {

  @Test
  void shouldPlaceAKeyWhereKafkasDefaultPartitionerPlacesIt() {
    for (String key : new String[] {"17841400000100000", "17841400000100031", "x", "1"}) {
      int kafkas = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 6);
      assertThat(CollectorTopics.partitionOf(key, 6)).as(key).isEqualTo(kafkas);
    }
  }

  @Test
  void shouldCoPartitionTheInternalTopicsWithTheAccounts() {
    assertThat(CollectorTopics.seen("s").partitions()).isEqualTo(Topics.ACCOUNTS.partitions());
    assertThat(CollectorTopics.webhooks("w").partitions()).isEqualTo(Topics.ACCOUNTS.partitions());
    assertThat(CollectorTopics.seen("s").cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
  }
}
