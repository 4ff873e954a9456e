package io.igpulse.collector.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.events.DiscoverySource;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenStateTest {

  private final SeenKey owned = new SeenKey("1", DiscoverySource.OWNED, null, "m1");
  private final SeenKey top = new SeenKey("1", DiscoverySource.HASHTAG_TOP, "sunset", "m1");

  @Test
  void shouldLetOnlyOneOfTwoConcurrentFindersClaimAKey() {
    SeenState seen = new SeenState();

    assertThat(seen.claim(owned)).isTrue();
    assertThat(seen.claim(owned)).isFalse();
    assertThat(seen.claim(top)).as("same media, other source").isTrue();
  }

  @Test
  void shouldKeepAConfirmedKeySeenAndFreeAReleasedOne() {
    SeenState seen = new SeenState();
    seen.claim(owned);
    seen.claim(top);

    seen.confirm(List.of(owned));
    seen.release(List.of(top));

    assertThat(seen.isSeen(owned)).isTrue();
    assertThat(seen.claim(owned)).isFalse();
    assertThat(seen.isSeen(top)).isFalse();
    assertThat(seen.claim(top)).as("an aborted emit is found again").isTrue();
  }

  @Test
  void shouldForgetAccountsThatMovedToAnotherInstance() {
    SeenState seen = new SeenState();
    seen.load(owned);
    seen.load(new SeenKey("2", DiscoverySource.STORY, null, "s1"));

    seen.forget(List.of("1"));

    assertThat(seen.count("1")).isZero();
    assertThat(seen.count("2")).isEqualTo(1);
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
