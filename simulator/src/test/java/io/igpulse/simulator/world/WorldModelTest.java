package io.igpulse.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldModelTest {

  private final World world = new World(WorldSpec.of(42, 40), List.of());
  private final long start = world.spec().start().getEpochSecond();

  @Test
  void shouldKeepLifetimeTotalsMonotoneWithReachAboveInteractionsAndViewsAboveReach() {
    for (int a = 0; a < 10; a++) {
      int visible = world.schedule(a).postsVisibleAt(start + 86_400L);
      for (int ord = Math.max(0, visible - 5); ord < visible; ord++) {
        Media media = world.post(a, ord);
        MediaTotals previous = MediaTotals.none();
        for (long t = media.createdSec(); t < media.createdSec() + 5 * 86_400L; t += 1_800) {
          MediaTotals now = world.engagement().totals(media, t);
          assertThat(now.reach()).isGreaterThanOrEqualTo(previous.reach());
          assertThat(now.likes()).isGreaterThanOrEqualTo(previous.likes());
          assertThat(now.comments()).isGreaterThanOrEqualTo(previous.comments());
          assertThat(now.reach()).isGreaterThanOrEqualTo(now.totalInteractions(false));
          assertThat(now.views()).isGreaterThanOrEqualTo(now.reach());
          previous = now;
        }
      }
    }
  }

  @Test
  void shouldRiseFastThenLevelOff() {
    Media media = world.post(0, world.schedule(0).postsVisibleAt(start) - 1);
    long t0 = media.createdSec();
    long firstDay = world.engagement().totals(media, t0 + 86_400L).reach();
    long fifthDay =
        world.engagement().totals(media, t0 + 5 * 86_400L).reach()
            - world.engagement().totals(media, t0 + 4 * 86_400L).reach();

    assertThat(firstDay).isGreaterThan(fifthDay * 10);
  }

  @Test
  void shouldGenerateTheSameWorldFromTheSameSeedInAnyOrder() {
    World other = new World(WorldSpec.of(42, 40), List.of());
    Media late = other.post(39, 3);
    Media early = other.post(0, 0);

    assertThat(late).isEqualTo(world.post(39, 3));
    assertThat(early).isEqualTo(world.post(0, 0));
    assertThat(other.account(17)).isEqualTo(world.account(17));
    assertThat(other.captions().of(late)).isEqualTo(world.captions().of(late));
  }

  @Test
  void shouldRankABurstingHashtagFirstInTheTrendTruth() {
    Instant burstAt = world.spec().start().plus(Duration.ofHours(1));
    long to = burstAt.getEpochSecond() + 3_600L;
    GroundTruth.Trends calm = new GroundTruth(world).trends(to - 3_600L, to, 50);
    int calmTop = calm.hashtags().get(0).index();
    int quiet = quietTagWithRecentMedia(calmTop, burstAt.getEpochSecond());
    String tag = world.hashtags().name(quiet);
    World bursting =
        new World(
            WorldSpec.of(42, 40),
            List.of(new BurstPlan(null, tag, burstAt, Duration.ofHours(2), 30)));

    GroundTruth.Trends trends = new GroundTruth(bursting).trends(to - 3_600L, to, 5);

    assertThat(world.hashtags().name(calmTop)).isNotEqualTo(tag);
    assertThat(bursting.hashtags().name(trends.hashtags().get(0).index())).isEqualTo(tag);
  }

  private int quietTagWithRecentMedia(int except, long atSec) {
    for (int tag = world.hashtags().size() - 1; tag >= 0; tag--) {
      if (tag != except
          && world.hashtagIndex().mediaBetween(tag, atSec - 5 * 86_400L, atSec).length >= 3) {
        return tag;
      }
    }
    throw new AssertionError("no hashtag with recent media");
  }

  @Test
  void shouldDecodeEveryIdBackToWhatItNames() {
    long media = Ids.media(123, 4567);
    long child = Ids.child(media, 3);

    assertThat(Ids.kind(media)).isEqualTo(Ids.Kind.MEDIA);
    assertThat(Ids.accountOfMedia(media)).isEqualTo(123);
    assertThat(Ids.ordinalOfMedia(media)).isEqualTo(4567);
    assertThat(Ids.kind(child)).isEqualTo(Ids.Kind.CHILD);
    assertThat(Ids.parentOfChild(child)).isEqualTo(media);
    assertThat(Ids.indexOfChild(child)).isEqualTo(3);
    assertThat(Ids.kind(Ids.igUser(9))).isEqualTo(Ids.Kind.IG_USER);
    assertThat(Ids.kind(Ids.hashtag(9))).isEqualTo(Ids.Kind.HASHTAG);
    assertThat(Ids.kind(Ids.page(9))).isEqualTo(Ids.Kind.PAGE);
  }
}
