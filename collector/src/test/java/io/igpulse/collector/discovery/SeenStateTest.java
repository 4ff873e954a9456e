package io.igpulse.collector.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.DiscoverySource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenStateTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final SeenKey owned = new SeenKey("1", DiscoverySource.OWNED, null, "m1");
  private final SeenKey top = new SeenKey("1", DiscoverySource.HASHTAG_TOP, "sunset", "m1");
  private final SeenKey story = new SeenKey("1", DiscoverySource.STORY, null, "s1");
  private final SeenKey recent = new SeenKey("1", DiscoverySource.HASHTAG_RECENT, "sunset", "m2");

  @Test
  void shouldLetOnlyOneOfTwoConcurrentFindersClaimAKey() {
    SeenState seen = new SeenState(new SeenExpiry(SeenExpiry.DEFAULT));

    assertThat(seen.claim(owned)).isTrue();
    assertThat(seen.claim(owned)).isFalse();
    assertThat(seen.claim(top)).as("same media, other source").isTrue();
  }

  @Test
  void shouldKeepAConfirmedKeySeenAndFreeAReleasedOne() {
    SeenState seen = new SeenState(new SeenExpiry(SeenExpiry.DEFAULT));
    seen.claim(owned);
    seen.claim(top);

    seen.confirm(List.of(marker(owned, NOW)));
    seen.release(List.of(top));

    assertThat(seen.isSeen(owned)).isTrue();
    assertThat(seen.claim(owned)).isFalse();
    assertThat(seen.isSeen(top)).isFalse();
    assertThat(seen.claim(top)).as("an aborted emit is found again").isTrue();
  }

  @Test
  void shouldForgetAccountsThatMovedToAnotherInstance() {
    SeenState seen = new SeenState(new SeenExpiry(SeenExpiry.DEFAULT));
    seen.load(marker(owned, NOW));
    seen.load(marker(new SeenKey("2", DiscoverySource.STORY, null, "s1"), NOW));

    seen.forget(List.of("1"));

    assertThat(seen.count("1")).isZero();
    assertThat(seen.count("2")).isEqualTo(1);
  }

  @Test
  void shouldForgetEveryAccountOfARevokedPartitionAlsoThoseNeverPolled() {
    SeenState seen = new SeenState(new SeenExpiry(Duration.ofDays(2)));
    // Account 7 was deactivated: its markers were loaded with partition 3, nobody polls it.
    seen.load(new SeenMarker(new SeenKey("7", DiscoverySource.STORY, null, "s7"), 3, NOW));
    seen.load(new SeenMarker(new SeenKey("7", DiscoverySource.OWNED, null, "m7"), 3, NOW));
    seen.load(new SeenMarker(new SeenKey("8", DiscoverySource.OWNED, null, "m8"), 4, NOW));

    assertThat(seen.forgetPartitions(List.of(3, 5))).isEqualTo(1);

    assertThat(seen.count("7")).isZero();
    assertThat(seen.count("8")).isEqualTo(1);
    assertThat(seen.expire(NOW.plus(Duration.ofDays(3))))
        .as("nothing of the revoked partition is left to expire (its new owner does that)")
        .isEmpty();
    assertThat(seen.forgetPartitions(List.of(3))).as("forgotten once").isZero();
  }

  @Test
  void shouldExpireOnlyStoriesAndRecentHashtagMediaOnceTheyCanNoLongerBeListed() {
    SeenState seen = new SeenState(new SeenExpiry(Duration.ofDays(2)));
    seen.load(marker(owned, NOW));
    seen.load(marker(top, NOW));
    seen.load(marker(story, NOW));
    seen.confirm(List.of(new SeenMarker(recent, 3, NOW.plusSeconds(60))));

    assertThat(seen.expire(NOW.plus(Duration.ofDays(2)).minusMillis(1))).isEmpty();
    assertThat(seen.expire(NOW.plus(Duration.ofDays(2)))).containsExactly(marker(story, NOW));
    assertThat(seen.isSeen(story)).isFalse();
    assertThat(seen.isSeen(recent)).isTrue();
    assertThat(seen.expire(NOW.plus(Duration.ofDays(3))))
        .as("with the partition it was written to, for its tombstone")
        .containsExactly(new SeenMarker(recent, 3, NOW.plusSeconds(60)));
    assertThat(seen.expire(NOW.plus(Duration.ofDays(365)))).as("each once").isEmpty();
    assertThat(seen.isSeen(owned)).isTrue();
    assertThat(seen.isSeen(top)).as("top media can be listed for ever").isTrue();
    assertThat(seen.count("1")).isEqualTo(2);
  }

  @Test
  void shouldKeepAMarkerWhoseDiscoveryTimeIsUnknown() {
    SeenState seen = new SeenState(new SeenExpiry(Duration.ofDays(2)));
    seen.load(new SeenMarker(story, 0, null));

    assertThat(seen.expire(NOW.plus(Duration.ofDays(365)))).isEmpty();
    assertThat(seen.isSeen(story)).isTrue();
  }

  @Test
  void shouldNotExpireWhatItForgot() {
    SeenState seen = new SeenState(new SeenExpiry(Duration.ofDays(2)));
    seen.load(marker(story, NOW));

    seen.forget(List.of("1"));

    assertThat(seen.expire(NOW.plus(Duration.ofDays(3))))
        .as("the account's new owner expires it")
        .isEmpty();
  }

  @Test
  void shouldDropAMarkerWhoseTombstoneIsReadBack() {
    SeenState seen = new SeenState(new SeenExpiry(Duration.ofDays(2)));
    seen.load(marker(story, NOW));
    seen.load(marker(owned, NOW));

    seen.unload(story);

    assertThat(seen.isSeen(story)).isFalse();
    assertThat(seen.isSeen(owned)).isTrue();
    assertThat(seen.expire(NOW.plus(Duration.ofDays(3))))
        .as("not tombstoned a second time")
        .isEmpty();
  }

  private static SeenMarker marker(SeenKey key, Instant discoveredAt) {
    return new SeenMarker(key, 0, discoveredAt);
  }

  @Test
  void shouldRoundTripKeysThroughTheirTopicForm() {
    assertThat(SeenKey.parse(top.encode())).isEqualTo(top);
    assertThat(SeenKey.parse(owned.encode())).isEqualTo(owned);
    assertThat(owned.encode()).isEqualTo("1|OWNED||m1");
    assertThat(SeenKey.parse("1|NEW_SOURCE||m1").source()).isEqualTo(DiscoverySource.UNKNOWN);
    assertThat(SeenKey.parse("garbage")).isNull();
    assertThat(SeenKey.parse(null)).isNull();
  }
}
