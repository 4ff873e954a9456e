package io.igpulse.aggregator.topology.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.igpulse.aggregator.topology.account.DayFollows;
import io.igpulse.aggregator.topology.account.FollowerHistory;
import io.igpulse.aggregator.topology.account.PostingHoursState;
import io.igpulse.aggregator.topology.delta.DeltaState;
import io.igpulse.aggregator.topology.delta.HashtagCredit;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import io.igpulse.aggregator.topology.trend.ScoredHashtag;
import io.igpulse.aggregator.topology.trend.WindowRanking;
import io.igpulse.aggregator.topology.window.AccountWindow;
import io.igpulse.aggregator.topology.window.EarnedWindow;
import io.igpulse.aggregator.topology.window.HashtagWindow;
import io.igpulse.events.SnapshotKind;
import io.igpulse.runtime.streams.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * Every internal value survives the compact format field by field, values written as JSON by
 * earlier versions still read, and damaged bytes fail as a serialization error (dead-lettered or
 * retried by the error policy) rather than as a wrong value.
 */
class CompactSerdeTest {

  private static final long POSTED = 1_795_000_000_000L;

  private static <T> T roundTrip(Serde<T> serde, T value) {
    return roundTrip(serde, value, CompactSerde.FORMAT_1);
  }

  private static <T> T roundTrip(Serde<T> serde, T value, byte format) {
    byte[] bytes = serde.serializer().serialize("t", value);
    assertThat(bytes[0]).isEqualTo(format);
    return serde.deserializer().deserialize("t", bytes);
  }

  private static MediaDelta delta() {
    return new MediaDelta(
        "m-1",
        SnapshotKind.INSIGHTS,
        "acc-1",
        null,
        List.of("bread", "sourdough"),
        List.of(),
        POSTED,
        POSTED + 600_000,
        POSTED + 3_600_000,
        Map.of("engagement", 12L, "reach", -3L, "custom_metric", 7L),
        false);
  }

  @Test
  void shouldKeepEveryFieldOfTheDeltaAndMediaState() {
    assertThat(roundTrip(InternalSerdes.MEDIA_DELTA, delta(), CompactSerde.FORMAT_2))
        .isEqualTo(delta());
    MediaDelta earned =
        new MediaDelta(
            "m-2",
            SnapshotKind.PUBLIC_COUNTERS,
            null,
            "baker",
            List.of(),
            List.of("acc-1", "acc-2"),
            POSTED,
            POSTED - 5,
            POSTED - 5,
            Map.of("likes", 3L),
            true);
    assertThat(roundTrip(InternalSerdes.MEDIA_DELTA, earned, CompactSerde.FORMAT_2))
        .isEqualTo(earned);
    DeltaState state =
        new DeltaState(
            new DeltaState.Reading(POSTED + 60_000, Map.of("views", Long.MAX_VALUE, "likes", 0L)),
            new DeltaState.Reading(POSTED + 90_000, Map.of("comments", 4L)),
            "acc-1",
            true);
    assertThat(roundTrip(InternalSerdes.MEDIA_STATE, state, CompactSerde.FORMAT_3))
        .isEqualTo(state);
    DeltaState credited =
        new DeltaState(
            null,
            new DeltaState.Reading(POSTED + 90_000, Map.of("likes", 7L)),
            null,
            false,
            new HashtagCredit(
                POSTED, POSTED + 90_000, List.of("bread"), Map.of("engagement", 9L, "likes", 7L)));
    assertThat(roundTrip(InternalSerdes.MEDIA_STATE, credited, CompactSerde.FORMAT_3))
        .isEqualTo(credited);
    DeltaState publicOnly =
        new DeltaState(null, new DeltaState.Reading(POSTED, Map.of()), null, false);
    assertThat(roundTrip(InternalSerdes.MEDIA_STATE, publicOnly, CompactSerde.FORMAT_3))
        .isEqualTo(publicOnly);
    EarnedWindow earnedWindow = EarnedWindow.empty().add(earned);
    EarnedWindow earnedBack = roundTrip(InternalSerdes.EARNED_WINDOW, earnedWindow);
    assertThat(earnedBack.likes()).isEqualTo(3L);
    assertThat(earnedBack.mediaEngagement()).containsExactly(Map.entry("m-2", 0L));
  }

  /**
   * Metric codes are stored: the mapping is frozen, whatever order the aggregator's tracked list
   * takes; a name without a code travels by name.
   */
  @Test
  void shouldStoreMetricsUnderTheirFrozenCodesAndOthersByName() {
    assertThat(InternalCodecs.METRIC_CODES)
        .containsExactly("engagement", "reach", "views", "likes", "comments", "saved", "shares");
    assertThat(InternalCodecs.METRIC_BY_NAME).isEqualTo(InternalCodecs.METRIC_CODES.size());
    DeltaState state =
        new DeltaState(
            new DeltaState.Reading(POSTED, Map.of("shares", 5L, "reposts", 2L)), null, null, false);
    byte[] bytes = InternalSerdes.MEDIA_STATE.serializer().serialize("t", state);
    assertThat(InternalSerdes.MEDIA_STATE.deserializer().deserialize("t", bytes)).isEqualTo(state);
    // "shares" is code 6: one varint byte (zig-zag 12), no name; "reposts" is spelled out.
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(text).contains("reposts").doesNotContain("shares");
  }

  /** Media states of format 2 (before hashtag credits) are still read: they credit nothing. */
  @Test
  void shouldStillReadTheSecondFormatOfMediaStates() {
    DeltaState old =
        new DeltaState(
            new DeltaState.Reading(POSTED, Map.of("engagement", 40L)),
            new DeltaState.Reading(POSTED + 5, Map.of("likes", 2L)),
            "acc-1",
            true);
    CompactWriter out = new CompactWriter(64);
    out.writeByte(CompactSerde.FORMAT_2);
    InternalCodecs.MEDIA_STATE_2.write(old, out);
    DeltaState back = InternalSerdes.MEDIA_STATE.deserializer().deserialize("t", out.toByteArray());
    assertThat(back).isEqualTo(old);
    assertThat(back.hashtagCredit()).isNull();
  }

  /**
   * Format 1 (before kinds and intervals) is still read from stores and repartition topics: an
   * insight delta counted at its capture time, an insight reading without owner.
   */
  @Test
  void shouldStillReadTheFirstFormatOfDeltasAndMediaStates() {
    MediaDelta old =
        new MediaDelta(
            "m-1",
            SnapshotKind.INSIGHTS,
            "acc-1",
            null,
            List.of("bread"),
            List.of(),
            POSTED,
            POSTED + 3_600_000,
            POSTED + 3_600_000,
            Map.of("engagement", 12L),
            true);
    CompactWriter delta = new CompactWriter(64);
    delta.writeByte(CompactSerde.FORMAT_1);
    InternalCodecs.MEDIA_DELTA_1.write(old, delta);
    assertThat(InternalSerdes.MEDIA_DELTA.deserializer().deserialize("t", delta.toByteArray()))
        .isEqualTo(old);
    DeltaState oldState =
        new DeltaState(new DeltaState.Reading(POSTED, Map.of("engagement", 40L)), null, null, true);
    CompactWriter state = new CompactWriter(64);
    state.writeByte(CompactSerde.FORMAT_1);
    InternalCodecs.MEDIA_STATE_1.write(oldState, state);
    assertThat(InternalSerdes.MEDIA_STATE.deserializer().deserialize("t", state.toByteArray()))
        .isEqualTo(oldState);
    byte[] json =
        ("{\"capturedAt\":"
                + POSTED
                + ",\"metrics\":{\"engagement\":40},"
                + "\"countedForPostingHour\":true}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(InternalSerdes.MEDIA_STATE.deserializer().deserialize("t", json))
        .isEqualTo(oldState);
  }

  @Test
  void shouldKeepEveryFieldOfTheWindowsAndRankings() {
    AccountWindow account = AccountWindow.empty().add(delta());
    assertSameAccountWindow(roundTrip(InternalSerdes.ACCOUNT_WINDOW, account), account);
    // A restored window still takes deltas (its map is decoded first).
    AccountWindow grown = roundTrip(InternalSerdes.ACCOUNT_WINDOW, account).add(delta());
    assertThat(grown.engagement()).isEqualTo(24L);
    assertThat(grown.mediaEngagement()).containsExactly(Map.entry("m-1", 24L));
    HashtagWindow hashtag = HashtagWindow.empty().add(delta());
    assertSameHashtagWindow(roundTrip(InternalSerdes.HASHTAG_WINDOW, hashtag), hashtag);

    ScoredHashtag scored =
        new ScoredHashtag("bread", POSTED, POSTED + 3_600_000, 30, 2, 1, 30.0, null, -0.25, POSTED);
    ScoredHashtag baselined =
        new ScoredHashtag("rye", POSTED, POSTED + 3_600_000, -4, 1, 1, -4.0, 2.5, null, POSTED);
    assertThat(roundTrip(InternalSerdes.SCORED_HASHTAG, scored)).isEqualTo(scored);
    WindowRanking ranking =
        new WindowRanking(
            POSTED + 3_600_000,
            Map.of("bread", scored, "rye", baselined),
            Map.of("bread", 1, "rye", 2));
    assertThat(roundTrip(InternalSerdes.WINDOW_RANKING, ranking)).isEqualTo(ranking);

    PostingHoursState hours =
        PostingHoursState.empty().add(0, 5, true, POSTED).add(167, -2, false, POSTED + 1);
    PostingHoursState hoursBack = roundTrip(InternalSerdes.POSTING_HOURS, hours);
    assertThat(hoursBack.media()).containsExactly(hours.media());
    assertThat(hoursBack.engagement()).containsExactly(hours.engagement());
    assertThat(hoursBack.updatedAt()).isEqualTo(hours.updatedAt());

    TreeMap<Long, FollowerHistory.Day> days = new TreeMap<>();
    days.put(20_000L, new FollowerHistory.Day(1_000L, null, POSTED));
    days.put(20_001L, new FollowerHistory.Day(null, 12L, POSTED + 86_400_000));
    FollowerHistory history = new FollowerHistory(days);
    assertThat(roundTrip(InternalSerdes.FOLLOWER_HISTORY, history)).isEqualTo(history);
    DayFollows follows = DayFollows.empty().add("m-1", 7, POSTED).add("m-2", -1, POSTED + 5);
    assertThat(roundTrip(InternalSerdes.MEDIA_FOLLOWS, follows)).isEqualTo(follows);
  }

  @Test
  void shouldStillReadValuesWrittenAsJsonByEarlierVersions() {
    byte[] json = JsonSerde.of(MediaDelta.class).serializer().serialize("t", delta());
    assertThat(InternalSerdes.MEDIA_DELTA.deserializer().deserialize("t", json)).isEqualTo(delta());

    HashtagWindow hashtag = HashtagWindow.empty().add(delta());
    byte[] window = JsonSerde.of(HashtagWindow.class).serializer().serialize("t", hashtag);
    assertSameHashtagWindow(
        InternalSerdes.HASHTAG_WINDOW.deserializer().deserialize("t", window), hashtag);
    AccountWindow account = AccountWindow.empty().add(delta());
    byte[] accountJson = JsonSerde.of(AccountWindow.class).serializer().serialize("t", account);
    assertSameAccountWindow(
        InternalSerdes.ACCOUNT_WINDOW.deserializer().deserialize("t", accountJson), account);
  }

  private static void assertSameAccountWindow(AccountWindow actual, AccountWindow expected) {
    assertThat(actual.engagement()).isEqualTo(expected.engagement());
    assertThat(actual.reach()).isEqualTo(expected.reach());
    assertThat(actual.views()).isEqualTo(expected.views());
    assertThat(actual.updatedAt()).isEqualTo(expected.updatedAt());
    assertThat(actual.mediaEngagement()).isEqualTo(expected.mediaEngagement());
  }

  private static void assertSameHashtagWindow(HashtagWindow actual, HashtagWindow expected) {
    assertThat(actual.engagement()).isEqualTo(expected.engagement());
    assertThat(actual.updatedAt()).isEqualTo(expected.updatedAt());
    assertThat(actual.media().values())
        .containsExactlyInAnyOrderElementsOf(expected.media().values());
    assertThat(actual.accounts().values())
        .containsExactlyInAnyOrderElementsOf(expected.accounts().values());
  }

  @Test
  void shouldRejectTruncatedOrPaddedBytes() {
    byte[] bytes = InternalSerdes.MEDIA_DELTA.serializer().serialize("t", delta());
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> InternalSerdes.MEDIA_DELTA.deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> InternalSerdes.MEDIA_DELTA.deserializer().deserialize("t", padded))
        .isInstanceOf(SerializationException.class);
    assertThat(Set.of(InternalSerdes.MEDIA_DELTA.serializer().serialize("t", null) == null))
        .containsExactly(true);
  }
}
