package io.igpulse.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WindowTruthTest {

  private final World world = new World(WorldSpec.of(42, 40), List.of());
  private final WindowTruth truth = new WindowTruth(world);
  private final long start = world.spec().start().getEpochSecond();

  @Test
  void shouldAgreeWithTheTrendTruthOnWhatAnAccountsPostsGained() {
    long from = start + 3 * 3_600L;
    long to = start + 9 * 3_600L;
    GroundTruth.Trends trends = new GroundTruth(world).trends(from, to, world.accountCount());

    for (GroundTruth.Gain gain : trends.accounts()) {
      long posts =
          truth.ownMedia(gain.index(), from, to).stream()
              .filter(g -> !g.media().isStory())
              .mapToLong(MediaGain::engagement)
              .sum();
      assertThat(posts).as("account %d", gain.index()).isEqualTo(gain.engagement());
    }
    assertThat(trends.accounts()).hasSizeGreaterThan(20);
  }

  @Test
  void shouldCountStoriesInAnAccountsOwnMediaAndGainOnlyWhatTheTotalsGained() {
    long from = start;
    long to = start + 86_400L;
    int account = accountWithStoriesBetween(from, to);

    List<MediaGain> gains = truth.ownMedia(account, from, to);

    AccountMedia schedule = world.schedule(account);
    assertThat(gains)
        .hasSize(schedule.postsVisibleAt(to) + schedule.storiesCreatedBy(to))
        .anyMatch(g -> g.media().isStory() && g.engagement() > 0);
    for (MediaGain g : gains) {
      // A story is observable until its expiry only: its totals stop there.
      long end =
          g.media().isStory()
              ? Math.min(to, g.media().createdSec() + Media.STORY_LIFETIME_SEC)
              : to;
      MediaTotals before = world.engagement().totals(g.media(), Math.min(from, end));
      MediaTotals after = world.engagement().totals(g.media(), end);
      long expected =
          g.media().isStory()
              ? after.replies() + after.shares() - (before.replies() + before.shares())
              : after.likes()
                  + after.comments()
                  + after.saved()
                  + after.shares()
                  - (before.likes() + before.comments() + before.saved() + before.shares());
      assertThat(g.engagement()).isEqualTo(expected);
    }
  }

  @Test
  void shouldFindEveryMediaCarryingAHashtagAndNoOther() {
    long to = start + 2 * 86_400L;
    int tag = 3;

    Set<Long> found =
        truth.hashtagMedia(tag, start, to).stream()
            .map(g -> g.media().id())
            .collect(Collectors.toSet());

    List<Long> expected = new ArrayList<>();
    for (int a = 0; a < world.accountCount(); a++) {
      for (int ord = 0; ord < world.schedule(a).postsVisibleAt(to); ord++) {
        Media media = world.post(a, ord);
        if (Arrays.stream(world.hashtags().tagsOf(media)).anyMatch(t -> t == tag)) {
          expected.add(media.id());
        }
      }
    }
    assertThat(found).hasSize(expected.size()).containsAll(expected);
  }

  @Test
  void shouldListEarnedMediaOfOtherAccountsThatTagTheAccount() {
    long to = start + 14 * 86_400L;

    List<MediaGain> earned = truth.earnedMedia(7, start, to);

    Set<Long> tagged = Arrays.stream(world.taggedIn(7)).boxed().collect(Collectors.toSet());
    assertThat(earned).isNotEmpty().allMatch(g -> g.media().account() != 7);
    assertThat(earned.stream().map(g -> g.media().id()).collect(Collectors.toSet()))
        .isEqualTo(tagged);
  }

  @Test
  void shouldListWhatAnAccountPostedInAHalfOpenPeriod() {
    long from = start;
    long to = start + 3 * 86_400L;

    WindowTruth.Inventory inventory = truth.created(2, from, to);

    AccountMedia schedule = world.schedule(2);
    long expectedPosts =
        java.util.stream.IntStream.range(0, schedule.postCount())
            .mapToLong(schedule::postCreatedSec)
            .filter(t -> t >= from && t < to)
            .count();
    long expectedStories =
        java.util.stream.IntStream.range(0, schedule.storyCount())
            .mapToLong(schedule::storyCreatedSec)
            .filter(t -> t >= from && t < to)
            .count();
    assertThat(inventory.posts()).hasSize((int) expectedPosts);
    assertThat(inventory.stories()).hasSize((int) expectedStories).isNotEmpty();
    assertThat(inventory.posts())
        .allMatch(m -> m.account() == 2 && m.createdSec() >= from && m.createdSec() < to);
    assertThat(inventory.earned())
        .allMatch(m -> m.account() != 2 && m.createdSec() >= from && m.createdSec() < to);
  }

  @Test
  void shouldRefuseAPeriodThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> truth.ownMedia(0, start + 10, start))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("from must not be after to");
  }

  @Test
  void shouldHideLikeCountsOfAboutOneAccountInTen() {
    World big = new World(WorldSpec.of(42, 5_000), List.of());
    long hiding = 0;
    for (int a = 0; a < big.accountCount(); a++) {
      hiding += big.account(a).hidesLikeCounts() ? 1 : 0;
    }
    assertThat(hiding).isBetween(400L, 600L);
  }

  private int accountWithStoriesBetween(long from, long to) {
    for (int a = 0; a < world.accountCount(); a++) {
      AccountMedia s = world.schedule(a);
      if (s.storiesCreatedBy(to) - s.storiesCreatedBy(from) > 1) {
        return a;
      }
    }
    throw new AssertionError("no account posts stories that day");
  }
}
