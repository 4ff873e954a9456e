package io.igpulse.collector.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.DiscoverySource;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.graphapi.model.Media;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaMapperTest {

  private static final Instant NOW = Instant.parse("2026-01-12T10:00:00Z");

  private static Media media(String type, String product, String caption) {
    return new Media(
        "179",
        "2026-01-12T08:30:00+0000",
        type,
        product,
        caption,
        "https://ig/p/x",
        "u",
        1L,
        2L,
        Optional.empty());
  }

  @Test
  void shouldMapAReelWithItsCaptionHashtags() {
    Discovery d =
        MediaMapper.discovery(
            "17841",
            DiscoverySource.OWNED,
            null,
            media("VIDEO", "REELS", "Hi #Sunset and #sunset, #food_2"),
            NOW);
    MediaDiscovered e = d.event();

    assertThat(e.getMediaId()).isEqualTo("179");
    assertThat(e.getOwnerId()).isEqualTo("17841");
    assertThat(e.getFollowedAccountId()).isEqualTo("17841");
    assertThat(e.getMediaType()).isEqualTo(MediaType.VIDEO);
    assertThat(e.getMediaProductType()).isEqualTo(MediaProductType.REELS);
    assertThat(e.getPostedAt()).isEqualTo(Instant.parse("2026-01-12T08:30:00Z"));
    assertThat(e.getCaptionHashtags()).containsExactly("sunset", "food_2");
    assertThat(e.getExpiresAt()).isNull();
    assertThat(e.getDiscoveredAt()).isEqualTo(NOW);
    assertThat(d.key()).isEqualTo(new SeenKey("17841", DiscoverySource.OWNED, null, "179"));
  }

  @Test
  void shouldGiveAStoryItsExpiry() {
    MediaDiscovered e =
        MediaMapper.discovery("1", DiscoverySource.STORY, null, media("IMAGE", null, null), NOW)
            .event();

    assertThat(e.getMediaProductType()).isEqualTo(MediaProductType.STORY);
    assertThat(e.getExpiresAt()).isEqualTo(Instant.parse("2026-01-13T08:30:00Z"));
    assertThat(e.getCaptionHashtags()).isEmpty();
  }

  @Test
  void shouldReadValuesInstagramAddsLaterAsUnknown() {
    MediaDiscovered e =
        MediaMapper.discovery(
                "1",
                DiscoverySource.HASHTAG_RECENT,
                "sunset",
                media("HOLOGRAM", "TRIALS", "x"),
                NOW)
            .event();

    assertThat(e.getMediaType()).isEqualTo(MediaType.UNKNOWN);
    assertThat(e.getMediaProductType()).isEqualTo(MediaProductType.UNKNOWN);
    assertThat(e.getHashtag()).isEqualTo("sunset");
    assertThat(e.getOwnerId()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "OWNED, 17841, u",
    "STORY, 17841, u",
    "TAGGED, , u",
    "MENTION, , u",
    "HASHTAG_TOP, , ",
    "HASHTAG_RECENT, , "
  })
  void shouldNameTheOwnerOnlyWhereTheEdgeSaysWhoItIs(
      DiscoverySource source, String ownerId, String ownerUsername) {
    MediaDiscovered e =
        MediaMapper.discovery("17841", source, null, media("IMAGE", "FEED", null), NOW).event();

    assertThat(e.getOwnerId()).isEqualTo(ownerId);
    assertThat(e.getOwnerUsername()).isEqualTo(ownerUsername);
    assertThat(e.getFollowedAccountId()).isEqualTo("17841");
  }

  @Test
  void shouldNotTakeAHashtagMediasUsernameEvenIfAnEdgeGaveOne() {
    assertThat(MediaMapper.ownerUsername(DiscoverySource.HASHTAG_TOP, media("IMAGE", "FEED", null)))
        .isNull();
    Media nameless =
        new Media("1", null, "IMAGE", "FEED", null, null, " ", 1L, 2L, Optional.empty());
    assertThat(MediaMapper.ownerUsername(DiscoverySource.TAGGED, nameless)).isNull();
  }

  @Test
  void shouldFallBackToTheDiscoveryTimeForAnUnreadableTimestamp() {
    assertThat(MediaMapper.postedAt("yesterday", NOW)).isEqualTo(NOW);
    assertThat(MediaMapper.postedAt(null, NOW)).isEqualTo(NOW);
    assertThat(MediaMapper.postedAt("2026-01-12T08:30:00Z", NOW))
        .isEqualTo(Instant.parse("2026-01-12T08:30:00Z"));
  }
}
