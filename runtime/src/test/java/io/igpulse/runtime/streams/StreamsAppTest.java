package io.igpulse.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.junit.jupiter.api.Test;

class StreamsAppTest {

  /** CloseOptions keeps its choices in protected fields; a subclass may read them. */
  private static final class Chosen extends CloseOptions {
    Chosen(CloseOptions options) {
      super(options);
    }

    GroupMembershipOperation operation() {
      return operation;
    }

    Optional<Duration> closeTimeout() {
      return timeout;
    }
  }

  private static Chosen chosenFor(String... settings) {
    Properties props = new Properties();
    for (int i = 0; i < settings.length; i += 2) {
      props.put(settings[i], settings[i + 1]);
    }
    return new Chosen(StreamsApp.closeOptions(props));
  }

  @Test
  void aDynamicMemberLeavesItsGroupOnClose() {
    Chosen chosen = chosenFor("application.id", "igpulse-aggregator");
    assertThat(chosen.operation()).isEqualTo(GroupMembershipOperation.LEAVE_GROUP);
    assertThat(chosen.closeTimeout()).contains(Duration.ofSeconds(30));
  }

  @Test
  void aStaticMemberStaysHoweverTheInstanceIdIsGiven() {
    for (String key :
        new String[] {
          "group.instance.id", "consumer.group.instance.id", "main.consumer.group.instance.id"
        }) {
      assertThat(chosenFor(key, "aggregator-1").operation())
          .as(key)
          .isEqualTo(GroupMembershipOperation.REMAIN_IN_GROUP);
    }
  }
}
