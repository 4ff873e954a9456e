package io.igpulse.enricher.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListingCacheTest {

  private static final Instant T = Instant.parse("2026-01-12T10:00:00Z");

  @Test
  void shouldServeAListingToOtherTasksWithinATickWithItsOwnCaptureTime() {
    ListingCache cache = new ListingCache(Duration.ofSeconds(10));
    cache.put("TAGS|A|null", new ListingCache.Listing(Map.of(), true, T));

    assertThat(cache.get("TAGS|A|null", T.plusSeconds(10)))
        .hasValueSatisfying(l -> assertThat(l.capturedAt()).isEqualTo(T));
    assertThat(cache.get("TAGS|A|null", T.plusSeconds(11))).as("a tick later").isEmpty();
    assertThat(cache.get("TAGS|B|null", T)).as("another account's listing").isEmpty();
    assertThat(cache.get("TAGS|A|null", T.minusSeconds(1))).as("read after now").isEmpty();
  }

  @Test
  void shouldForgetListingsTooOldToServe() {
    ListingCache cache = new ListingCache(Duration.ofSeconds(10));
    cache.put("TAGS|A|null", new ListingCache.Listing(Map.of(), true, T));
    cache.put("TAGS|B|null", new ListingCache.Listing(Map.of(), true, T.plusSeconds(60)));

    assertThat(cache.get("TAGS|A|null", T)).as("dropped when a newer listing came in").isEmpty();
    assertThat(cache.get("TAGS|B|null", T.plusSeconds(60))).isPresent();
  }
}
