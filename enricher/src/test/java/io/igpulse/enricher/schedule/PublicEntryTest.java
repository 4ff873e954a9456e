package io.igpulse.enricher.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicEntryTest {

  private static final Reader TAGGED_IN_A = new Reader("TAGGED", "A", null);
  private static final Reader MENTIONS_B = new Reader("MENTION", "B", null);
  private static final Reader TOP_OF_C = new Reader("HASHTAG_TOP", "C", "sunset");

  private static PublicEntry found(Reader reader) {
    return PublicEntry.found("m1", "IMAGE", "FEED", 0L, List.of("sunset"), null, reader, 100L);
  }

  @Test
  void shouldMergeEveryFinderIntoOneEntryCreditingOnlyTagsAndMentions() {
    PublicEntry e =
        found(TOP_OF_C)
            .withReader(TAGGED_IN_A, "owner_x", List.of("beach"), 500L)
            .withReader(MENTIONS_B, null, List.of(), 900L);

    assertThat(e.readers()).containsExactlyInAnyOrder(TOP_OF_C, TAGGED_IN_A, MENTIONS_B);
    assertThat(e.earnedBy()).containsExactly("A", "B");
    assertThat(e.ownerUsername()).isEqualTo("owner_x");
    assertThat(e.hashtags()).containsExactly("beach", "sunset");
    assertThat(e.nextDueAt()).as("one schedule: the first finder's").isEqualTo(100L);
    assertThat(e.state()).isEqualTo(MediaState.ACTIVE);
  }

  @Test
  void shouldKeepEarnedByWhenAnEdgeStopsListingTheMedia() {
    PublicEntry e = found(TAGGED_IN_A).withReader(TOP_OF_C, null, List.of(), 100L);
    PublicEntry without = e.withoutReader(TAGGED_IN_A);

    assertThat(without.readers()).containsExactly(TOP_OF_C);
    assertThat(without.earnedBy()).containsExactly("A");
    assertThat(without.state()).isEqualTo(MediaState.ACTIVE);
    assertThat(without.withoutReader(TOP_OF_C).state())
        .as("no edge lists it any more")
        .isEqualTo(MediaState.DONE);
  }

  @Test
  void shouldComeBackWhenANewEdgeListsAMediaThatHadLeft() {
    PublicEntry left = found(TOP_OF_C).withoutReader(TOP_OF_C);
    PublicEntry back = left.withReader(TAGGED_IN_A, null, List.of(), 700L);
    assertThat(back.state()).isEqualTo(MediaState.ACTIVE);
    assertThat(back.nextDueAt()).isEqualTo(700L);
    assertThat(left.withReader(TAGGED_IN_A, null, List.of(), null).state())
        .as("past the cadence")
        .isEqualTo(MediaState.DONE);
  }

  @Test
  void shouldNeverBeDueOnceAFollowedAccountOwnsIt() {
    PublicEntry owned = found(TAGGED_IN_A).ownedByAFollowedAccount();
    assertThat(owned.isDueAt(Long.MAX_VALUE)).isFalse();
    assertThat(owned.withReader(MENTIONS_B, null, List.of(), 5L).isDueAt(Long.MAX_VALUE)).isFalse();
    assertThat(PublicEntry.owned("m2", 0L).withReader(TAGGED_IN_A, null, List.of(), 5L).isDueAt(10))
        .isFalse();
  }

  @Test
  void shouldBeDueOnItsScheduleAndAfterItsBackoff() {
    PublicEntry e = found(TAGGED_IN_A);
    assertThat(e.isDueAt(99)).isFalse();
    assertThat(e.isDueAt(100)).isTrue();
    PublicEntry retry = e.retryLater(200);
    assertThat(retry.isDueAt(150)).isFalse();
    assertThat(retry.isDueAt(200)).isTrue();
    PublicEntry taken = retry.snapshotTaken(210, 3_600_000L);
    assertThat(taken.failures()).isZero();
    assertThat(taken.snapshots()).isEqualTo(1);
    assertThat(taken.isDueAt(3_599_999L)).isFalse();
    assertThat(e.snapshotTaken(210, null).state()).isEqualTo(MediaState.DONE);
  }
}
