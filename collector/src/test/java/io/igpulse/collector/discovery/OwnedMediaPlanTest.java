package io.igpulse.collector.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.graphapi.model.Media;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OwnedMediaPlanTest {

  private static List<Media> newestFirst(int... ids) {
    return IntStream.of(ids)
        .mapToObj(
            i ->
                new Media(
                    "m" + i, null, "IMAGE", "FEED", null, null, null, null, null, Optional.empty()))
        .toList();
  }

  @Test
  void shouldStopAtTheFirstKnownMedia() {
    OwnedMediaPlan.Step step =
        OwnedMediaPlan.decide(newestFirst(9, 8, 7, 6), 4, Set.of("m7", "m6")::contains);

    assertThat(step.fresh()).extracting(Media::id).containsExactly("m9", "m8");
    assertThat(step.readDeeper()).isFalse();
  }

  @Test
  void shouldReadDeeperWhenAWholePageIsNew() {
    OwnedMediaPlan.Step step =
        OwnedMediaPlan.decide(newestFirst(9, 8, 7, 6), 4, Set.<String>of()::contains);

    assertThat(step.fresh()).hasSize(4);
    assertThat(step.readDeeper()).isTrue();
  }

  @Test
  void shouldNotReadDeeperWhenTheAccountHasFewerMediaThanAPage() {
    OwnedMediaPlan.Step step =
        OwnedMediaPlan.decide(newestFirst(2, 1), 4, Set.<String>of()::contains);

    assertThat(step.fresh()).hasSize(2);
    assertThat(step.readDeeper()).isFalse();
  }

  @Test
  void shouldFindNothingNewWhenTheNewestIsKnown() {
    OwnedMediaPlan.Step step = OwnedMediaPlan.decide(newestFirst(9, 8), 4, Set.of("m9")::contains);

    assertThat(step.fresh()).isEmpty();
    assertThat(step.readDeeper()).isFalse();
  }
}
