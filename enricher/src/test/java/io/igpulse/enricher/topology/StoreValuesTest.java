package io.igpulse.enricher.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.enricher.schedule.MediaState;
import io.igpulse.enricher.schedule.PublicEntry;
import io.igpulse.enricher.schedule.Reader;
import io.igpulse.enricher.schedule.ScheduleEntry;
import io.igpulse.runtime.streams.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Store and repartition values stay readable across versions (JSON, see {@link JsonSerde}). */
class StoreValuesTest {

  /** A {@code refresh-schedule} value as 0.1.0 wrote it: a media found through a tag. */
  private static final String TAGGED_ENTRY_0_1 =
      "{\"account\":\"17841400000000001\",\"mediaId\":\"17900000000100003\",\"ownerId\":null,"
          + "\"mediaType\":\"IMAGE\",\"productType\":\"FEED\",\"postedAt\":1768204800000,"
          + "\"expiresAt\":null,\"hashtags\":[\"sunset\"],\"sources\":[\"TAGGED\"],"
          + "\"state\":\"ACTIVE\",\"nextDueAt\":1768208400000,\"notBefore\":0,\"failures\":0,"
          + "\"lastCapturedAt\":1768207500000,\"lastProgress\":120,\"growthPerHour\":30.5,"
          + "\"snapshots\":4,\"story\":false}";

  /** A {@code media-by-account} record as 0.1.0 wrote it. */
  private static final String DISCOVERED_0_1 =
      "{\"account\":\"17841400000000001\",\"mediaId\":\"17900000000000007\","
          + "\"ownerId\":\"17841400000000001\",\"mediaType\":\"VIDEO\",\"productType\":\"REELS\","
          + "\"postedAt\":1768204800000,\"expiresAt\":null,\"hashtags\":[],\"source\":\"OWNED\"}";

  @Test
  void shouldReadAScheduleEntryAnEarlierVersionStoredAndTellItWasNotOwned() {
    ScheduleEntry e =
        JsonSerde.of(ScheduleEntry.class)
            .deserializer()
            .deserialize("t", TAGGED_ENTRY_0_1.getBytes(StandardCharsets.UTF_8));
    assertThat(e.mediaId()).isEqualTo("17900000000100003");
    assertThat(e.snapshots()).isEqualTo(4);
    assertThat(e.growthPerHour()).isEqualTo(30.5);
    assertThat(e.readWithInsights()).as("found through a tag: not the account's").isFalse();
    assertThat(e.withSource("OWNED", List.of()).readWithInsights()).isTrue();
  }

  @Test
  void shouldReadARepartitionedDiscoveryAnEarlierVersionWrote() {
    DiscoveredMedia d =
        JsonSerde.of(DiscoveredMedia.class)
            .deserializer()
            .deserialize("t", DISCOVERED_0_1.getBytes(StandardCharsets.UTF_8));
    assertThat(d.source()).isEqualTo("OWNED");
    assertThat(d.postedAt()).isEqualTo(1768204800000L);
  }

  @Test
  void shouldRoundTripAPublicEntryWithItsReaders() {
    PublicEntry e =
        PublicEntry.found(
                "m1",
                "IMAGE",
                "FEED",
                5L,
                List.of("sunset"),
                "owner_x",
                new Reader("HASHTAG_TOP", "A", "sunset"),
                10L)
            .withReader(new Reader("TAGGED", "B", null), null, List.of(), 10L)
            .retryLater(99);
    JsonSerde<PublicEntry> serde = JsonSerde.of(PublicEntry.class);
    PublicEntry back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", e));
    assertThat(back).isEqualTo(e);
    assertThat(back.state()).isEqualTo(MediaState.ACTIVE);
    assertThat(back.earnedBy()).containsExactly("B");
  }
}
