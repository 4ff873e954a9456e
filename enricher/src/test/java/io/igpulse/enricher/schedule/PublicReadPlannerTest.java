package io.igpulse.enricher.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.enricher.schedule.PublicReadPlanner.Due;
import io.igpulse.enricher.schedule.PublicReadPlanner.Edge;
import io.igpulse.enricher.schedule.PublicReadPlanner.Read;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicReadPlannerTest {

  private final PublicReadPlanner planner = new PublicReadPlanner();

  private static Due due(String id, long postedAt, Reader reader) {
    return new Due(
        PublicEntry.found(id, "IMAGE", "FEED", postedAt, List.of(), null, reader, 0L), reader);
  }

  @Test
  void shouldReadEveryDueMediaTaggedInAnAccountWithOneListing() {
    Reader tags = new Reader("TAGGED", "A", null);
    List<Read> reads =
        planner.plan(
            List.of(due("m1", 1, tags), due("m2", 2, tags), due("m3", 3, tags)),
            Map.of("A", 1),
            Map.of());
    assertThat(reads).hasSize(1);
    assertThat(reads.get(0).edge()).isEqualTo(Edge.TAGS);
    assertThat(reads.get(0).entries())
        .extracting(PublicEntry::mediaId)
        .containsExactly("m3", "m2", "m1");
  }

  @Test
  void shouldReadOneListingPerHashtagAndEdgeAndOneItemPerMention() {
    Reader top = new Reader("HASHTAG_TOP", "A", "sunset");
    Reader recent = new Reader("HASHTAG_RECENT", "A", "sunset");
    Reader mention = new Reader("MENTION", "A", null);
    List<Read> reads =
        planner.plan(
            List.of(
                due("m1", 1, top),
                due("m2", 2, top),
                due("m3", 3, recent),
                due("m4", 4, mention),
                due("m5", 5, mention)),
            Map.of("A", 100),
            Map.of("A", 100));
    assertThat(reads)
        .extracting(Read::edge, r -> r.entries().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Edge.HASHTAG_TOP, 2),
            org.assertj.core.groups.Tuple.tuple(Edge.HASHTAG_RECENT, 1),
            org.assertj.core.groups.Tuple.tuple(Edge.MENTION, 1),
            org.assertj.core.groups.Tuple.tuple(Edge.MENTION, 1));
    assertThat(reads.get(2).entries().get(0).mediaId())
        .as("youngest mention first")
        .isEqualTo("m5");
  }

  @Test
  void shouldKeepReadsWithinTheAccountsBudgetsAndLetTheRestWait() {
    Reader tagsA = new Reader("TAGGED", "A", null);
    Reader mentionA = new Reader("MENTION", "A", null);
    Reader topB = new Reader("HASHTAG_TOP", "B", "sunset");
    List<Due> due = List.of(due("m1", 1, tagsA), due("m2", 2, mentionA), due("m3", 3, topB));

    assertThat(planner.plan(due, Map.of("A", 1, "B", 10), Map.of("B", 1)))
        .as("A can pay for its listing only; B's hashtag share cannot cover a search and a page")
        .extracting(Read::edge)
        .containsExactly(Edge.TAGS);
    assertThat(planner.plan(due, Map.of("A", 2, "B", 2), Map.of("B", 2)))
        .extracting(Read::edge)
        .containsExactlyInAnyOrder(Edge.TAGS, Edge.HASHTAG_TOP, Edge.MENTION);
    assertThat(planner.plan(due, Map.of(), Map.of())).isEmpty();
  }
}
