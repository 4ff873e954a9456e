package io.igpulse.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void catalogHoldsTheContractTopicNamesAndPolicies() {
    Map<String, CleanupPolicy> expected =
        Map.ofEntries(
            Map.entry("instagram.accounts", CleanupPolicy.COMPACT),
            Map.entry("instagram.media.discovered", CleanupPolicy.COMPACT),
            Map.entry("instagram.media.insights", CleanupPolicy.DELETE),
            Map.entry("instagram.account.insights", CleanupPolicy.DELETE),
            Map.entry("instagram.trends.account", CleanupPolicy.COMPACT),
            Map.entry("instagram.trends.hashtag", CleanupPolicy.COMPACT),
            Map.entry("instagram.trends.earned", CleanupPolicy.COMPACT),
            Map.entry("instagram.trends.followers", CleanupPolicy.COMPACT),
            Map.entry("instagram.trends.posting-hours", CleanupPolicy.COMPACT),
            Map.entry("instagram.trends.media-follows", CleanupPolicy.COMPACT),
            Map.entry("instagram.trends.audience", CleanupPolicy.COMPACT),
            Map.entry("igpulse.deadletter", CleanupPolicy.DELETE));

    assertThat(Topics.all())
        .extracting(Topic::name)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    Topics.all()
        .forEach(t -> assertThat(t.cleanupPolicy()).as(t.name()).isEqualTo(expected.get(t.name())));
  }

  @Test
  void newTopicCarriesPartitionsPolicyAndRetention() {
    NewTopic created = Topics.MEDIA_INSIGHTS.toNewTopic((short) 3);

    assertThat(created.name()).isEqualTo("instagram.media.insights");
    assertThat(created.numPartitions()).isEqualTo(12);
    assertThat(created.replicationFactor()).isEqualTo((short) 3);
    assertThat(created.configs())
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", Long.toString(Duration.ofDays(400).toMillis()));
  }

  @Test
  void compactedTopicsHaveNoRetentionOverride() {
    assertThat(Topics.ACCOUNTS.configs()).containsExactly(Map.entry("cleanup.policy", "compact"));
  }

  @Test
  void shouldRefuseATopicWithoutPartitions() {
    assertThatThrownBy(
            () ->
                new Topic<>(
                    "x",
                    Codec.utf8String(),
                    Codec.bytes(),
                    0,
                    CleanupPolicy.DELETE,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one partition");
  }
}
