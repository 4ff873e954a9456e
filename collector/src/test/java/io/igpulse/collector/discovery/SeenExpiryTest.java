package io.igpulse.collector.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.igpulse.events.DiscoverySource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeenExpiryTest {

  private static final Instant POSTED = Instant.parse("2026-11-24T12:00:00Z");
  private final SeenExpiry expiry = new SeenExpiry(Duration.ofDays(2));

  @Test
  void shouldExpireStoriesAndRecentHashtagMediaFromTheirDiscovery() {
    Instant discovered = POSTED.plus(Duration.ofMinutes(20));

    assertThat(
            expiry.expiresAt(
                new SeenMarker(new SeenKey("1", DiscoverySource.STORY, null, "s"), 0, discovered)))
        .contains(discovered.plus(Duration.ofDays(2)));
    assertThat(
            expiry.expiresAt(
                new SeenMarker(
                    new SeenKey("1", DiscoverySource.HASHTAG_RECENT, "tag", "m"), 0, discovered)))
        .contains(discovered.plus(Duration.ofDays(2)));
    for (DiscoverySource kept :
        new DiscoverySource[] {
          DiscoverySource.OWNED,
          DiscoverySource.TAGGED,
          DiscoverySource.MENTION,
          DiscoverySource.HASHTAG_TOP,
          DiscoverySource.UNKNOWN
        }) {
      assertThat(expiry.expiresAt(new SeenMarker(new SeenKey("1", kept, "t", "m"), 0, discovered)))
          .as(kept.name())
          .isEmpty();
    }
  }

  @Test
  void shouldRefuseToEmitAStoryReadByIdOnceItsMarkerMayBeGone() {
    // A marker lives two days from discovery, which is after posting: a find posted less than
    // two days minus an hour ago is told apart; an older one is not emitted.
    Instant lastTold = POSTED.plus(Duration.ofDays(2)).minus(Duration.ofHours(1));

    assertThat(expiry.tooOldToTell(DiscoverySource.STORY, POSTED, lastTold.minusMillis(1)))
        .isFalse();
    assertThat(expiry.tooOldToTell(DiscoverySource.STORY, POSTED, lastTold)).isTrue();
    assertThat(expiry.tooOldToTell(DiscoverySource.HASHTAG_RECENT, POSTED, lastTold)).isTrue();
    assertThat(
            expiry.tooOldToTell(DiscoverySource.OWNED, POSTED, lastTold.plus(Duration.ofDays(99))))
        .as("markers of owned media never expire")
        .isFalse();
    assertThat(
            expiry.tooOldToTell(
                DiscoverySource.STORY,
                POSTED,
                POSTED.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(5))))
        .as("a story_insights webhook at the story's end")
        .isFalse();
  }

  @Test
  void shouldRefuseAnExpiryThatLeavesNoRoomForLateStoryWebhooks() {
    assertThatThrownBy(() -> new SeenExpiry(Duration.ofHours(24)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IGPULSE_COLLECTOR_SEEN_EXPIRY");
    assertThatThrownBy(() -> new SeenExpiry(Duration.ofHours(35)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SeenExpiry(SeenExpiry.MINIMUM).afterDiscovery()).isEqualTo(Duration.ofHours(36));
  }
}
