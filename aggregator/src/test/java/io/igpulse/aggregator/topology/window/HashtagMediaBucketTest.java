package io.igpulse.aggregator.topology.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.aggregator.topology.codec.InternalSerdes;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import io.igpulse.aggregator.topology.window.HashtagMediaBucket.Entry;
import io.igpulse.events.SnapshotKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A hashtag window's top media: gains summed per media over buckets, owners kept, ties by id. */
class HashtagMediaBucketTest {

  private static final long T = 1_795_000_000_000L;

  private static MediaDelta delta(String media, String owner, String username, long engagement) {
    return new MediaDelta(
        media,
        owner == null ? SnapshotKind.PUBLIC_COUNTERS : SnapshotKind.INSIGHTS,
        owner,
        username,
        List.of("bread"),
        List.of(),
        T,
        T,
        T + 60_000,
        Map.of("engagement", engagement),
        false);
  }

  @Test
  void shouldSumEachMediaOverBucketsAndRankMostFirstTiesById() {
    HashtagMediaBucket first =
        HashtagMediaBucket.empty()
            .add(delta("m-a", "acc-1", null, 40))
            .add(delta("m-b", null, "baker", 70))
            .add(delta("m-a", "acc-1", null, 20));
    HashtagMediaBucket second =
        HashtagMediaBucket.empty()
            .add(delta("m-c", "acc-2", null, 70))
            .add(delta("m-a", "acc-1", null, 15))
            .add(delta("m-d", null, null, 0));

    List<Entry> top = HashtagMediaBucket.top(List.of(first, second), 3);

    assertThat(top)
        .containsExactly(
            new Entry("m-a", "acc-1", 75),
            new Entry("m-b", "@baker", 70),
            new Entry("m-c", "acc-2", 70));
    assertThat(HashtagMediaBucket.top(List.of(first, second), 1)).hasSize(1);
  }

  @Test
  void shouldKeepEveryEntryThroughTheCompactFormat() {
    HashtagMediaBucket bucket =
        HashtagMediaBucket.empty()
            .add(delta("m-a", "acc-1", null, 40))
            .add(delta("m-b", null, null, -5));

    byte[] bytes = InternalSerdes.HASHTAG_MEDIA.serializer().serialize("t", bucket);
    HashtagMediaBucket read = InternalSerdes.HASHTAG_MEDIA.deserializer().deserialize("t", bytes);

    assertThat(read.entries())
        .containsExactly(new Entry("m-a", "acc-1", 40), new Entry("m-b", null, -5));
  }
}
