package io.igpulse.graphapi.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.graphapi.outcome.GraphError;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which metrics a refusal rules out, and the halving search when it names none. */
class RefusalDecisionsTest {

  private static final List<String> ASKED =
      List.of("reach", "saved", "likes", "comments", "shares", "reposts", "reels_skip_rate");

  @Test
  void shouldDropTheNamedMetric() {
    assertThat(RefusedMetrics.of(new GraphError.UnsupportedMetric("reposts"), ASKED))
        .containsExactly("reposts");
  }

  @Test
  void shouldDropTheIndexedMetricAndEveryAskedOneOutsideTheAllowedList() {
    GraphError.UnsupportedMetric refusal =
        new GraphError.UnsupportedMetric(
            null, 5, List.of("reach", "saved", "likes", "comments", "shares"));

    assertThat(RefusedMetrics.of(refusal, ASKED)).containsExactly("reposts", "reels_skip_rate");
  }

  @Test
  void shouldDropOnlyTheIndexedMetricWhenTheListIsUnknown() {
    assertThat(RefusedMetrics.of(new GraphError.UnsupportedMetric(null, 1, List.of()), ASKED))
        .containsExactly("saved");
  }

  @Test
  void shouldDropNothingWhenTheRefusalPointsOutsideTheRequest() {
    assertThat(RefusedMetrics.of(new GraphError.UnsupportedMetric(null, 9, List.of()), ASKED))
        .isEmpty();
    assertThat(RefusedMetrics.of(new GraphError.UnsupportedMetric("plays"), ASKED)).isEmpty();
  }

  @Test
  void shouldNeverDropEveryMetricOnTheWordOfAnAllowedList() {
    GraphError.UnsupportedMetric refusal =
        new GraphError.UnsupportedMetric(null, 0, List.of("navigation"));

    assertThat(RefusedMetrics.of(refusal, List.of("reach", "saved"))).containsExactly("reach");
  }

  /** A probe that refuses any subset holding one of {@code refused}, recording what it saw. */
  private static Function<List<String>, Future<MetricBisector.Probe>> api(
      Set<String> refused, List<List<String>> seen) {
    return subset -> {
      seen.add(subset);
      return Future.succeededFuture(
          subset.stream().anyMatch(refused::contains)
              ? MetricBisector.Probe.REFUSED
              : MetricBisector.Probe.ACCEPTED);
    };
  }

  @Test
  void shouldFindTheCulpritInAtMostLog2NPlusOneProbes() {
    for (String culprit : ASKED) {
      List<List<String>> seen = new ArrayList<>();

      Optional<String> found =
          new MetricBisector(MetricBisector.probesFor(ASKED.size()))
              .culprit(ASKED, api(Set.of(culprit), seen))
              .result();

      assertThat(found).as(culprit).contains(culprit);
      assertThat(seen.size()).as(culprit).isLessThanOrEqualTo(4);
    }
    assertThat(MetricBisector.probesFor(7)).isEqualTo(4);
    assertThat(MetricBisector.probesFor(2)).isEqualTo(2);
  }

  @Test
  void shouldSplitInHalvesFirstHalfFirst() {
    List<List<String>> seen = new ArrayList<>();

    new MetricBisector(4).culprit(ASKED, api(Set.of("reels_skip_rate"), seen)).result();

    assertThat(seen)
        .containsExactly(
            List.of("reach", "saved", "likes", "comments"), List.of("shares", "reposts"));
  }

  @Test
  void shouldBlameNothingWhenEveryProbeFails() {
    List<List<String>> seen = new ArrayList<>();

    Optional<String> found =
        new MetricBisector(4).culprit(ASKED, api(Set.copyOf(ASKED), seen)).result();

    assertThat(found).isEmpty();
    assertThat(seen).hasSize(4);
  }

  @Test
  void shouldStopAtAnyOtherError() {
    List<List<String>> seen = new ArrayList<>();
    Function<List<String>, Future<MetricBisector.Probe>> throttled =
        subset -> {
          seen.add(subset);
          return Future.succeededFuture(MetricBisector.Probe.OTHER);
        };

    assertThat(new MetricBisector(4).culprit(ASKED, throttled).result()).isEmpty();
    assertThat(seen).hasSize(1);
  }

  @Test
  void shouldNotSearchASingleMetric() {
    List<List<String>> seen = new ArrayList<>();

    assertThat(new MetricBisector(4).culprit(List.of("reach"), api(Set.of("reach"), seen)).result())
        .isEmpty();
    assertThat(seen).isEmpty();
  }
}
