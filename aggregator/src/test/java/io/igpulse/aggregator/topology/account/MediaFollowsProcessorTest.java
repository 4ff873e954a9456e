package io.igpulse.aggregator.topology.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.topology.codec.InternalSerdes;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import io.igpulse.events.MediaFollows;
import io.igpulse.events.MediaFollowsDay;
import io.igpulse.events.SnapshotKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** A changed day survives its task closing before the flush: the next owner publishes it. */
class MediaFollowsProcessorTest {

  private static final long CAPTURED = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();

  private final KeyValueStore<String, DayFollows> days =
      Stores.keyValueStoreBuilder(
              Stores.inMemoryKeyValueStore("days"), Serdes.String(), InternalSerdes.MEDIA_FOLLOWS)
          .withLoggingDisabled()
          .build();
  private final KeyValueStore<String, String> pending =
      Stores.keyValueStoreBuilder(
              Stores.inMemoryKeyValueStore("pending"), Serdes.String(), Serdes.String())
          .withLoggingDisabled()
          .build();

  @Test
  void shouldPublishFromTheNextOwnerADayChangedBeforeAClose() {
    MockProcessorContext<String, MediaFollowsDay> first = context();
    MediaFollowsProcessor closing = processor(first);
    closing.process(new Record<>("acc", delta("m1", 4), CAPTURED));
    assertThat(pending.get("acc@2026-11-23")).as("kept until published").isNotNull();
    closing.close();
    assertThat(first.forwarded()).isEmpty();

    MockProcessorContext<String, MediaFollowsDay> next = context();
    processor(next);
    next.scheduledPunctuators().get(0).getPunctuator().punctuate(CAPTURED);

    assertThat(next.forwarded()).hasSize(1);
    MediaFollowsDay published = next.forwarded().get(0).record().value();
    assertThat(next.forwarded().get(0).record().key()).isEqualTo("acc@2026-11-23");
    assertThat(published.getTopMedia()).containsExactly(new MediaFollows("m1", 4L));
    assertThat(pending.get("acc@2026-11-23")).as("published: no longer pending").isNull();
  }

  private MockProcessorContext<String, MediaFollowsDay> context() {
    MockProcessorContext<String, MediaFollowsDay> context = new MockProcessorContext<>();
    if (!days.isOpen()) {
      days.init(context.getStateStoreContext(), days);
      pending.init(context.getStateStoreContext(), pending);
    }
    context.addStateStore(days);
    context.addStateStore(pending);
    return context;
  }

  private static MediaFollowsProcessor processor(
      MockProcessorContext<String, MediaFollowsDay> context) {
    MediaFollowsProcessor processor = new MediaFollowsProcessor("days", "pending", 5);
    processor.init(context);
    return processor;
  }

  /** Follows gained in the ten minutes before the capture, on 2026-11-23. */
  private static MediaDelta delta(String media, long follows) {
    return new MediaDelta(
        media,
        SnapshotKind.INSIGHTS,
        "acc",
        null,
        List.of(),
        List.of(),
        CAPTURED - 3_600_000,
        CAPTURED - 600_000,
        CAPTURED,
        Map.of("follows", follows),
        false);
  }
}
