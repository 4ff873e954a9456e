package io.igpulse.aggregator.topology.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopNTest {

  private static final Comparator<Map.Entry<String, Long>> ORDER =
      Map.Entry.<String, Long>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  @Test
  void shouldSelectTheSameFirstElementsAsAFullSort() {
    Map<String, Long> media =
        IntStream.range(0, 500)
            .boxed()
            .collect(Collectors.toMap(i -> "m-" + i, i -> (long) ((i * 37) % 101)));
    List<Map.Entry<String, Long>> sorted = media.entrySet().stream().sorted(ORDER).toList();

    assertThat(TopN.of(media.entrySet(), 5, ORDER)).isEqualTo(sorted.subList(0, 5));
    assertThat(TopN.of(media.entrySet(), 1000, ORDER)).isEqualTo(sorted);
    assertThat(TopN.of(media.entrySet(), 0, ORDER)).isEmpty();
  }
}
