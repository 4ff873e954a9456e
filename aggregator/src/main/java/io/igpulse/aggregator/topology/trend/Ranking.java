package io.igpulse.aggregator.topology.trend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the hashtags of one window: most engagement gained first, ties by name so that ranks are
 * stable. Only the top {@code n} get a rank.
 */
public final class Ranking {

  static final Comparator<ScoredHashtag> ORDER =
      Comparator.comparingLong(ScoredHashtag::engagement)
          .reversed()
          .thenComparing(ScoredHashtag::hashtag);

  private Ranking() {}

  public static List<ScoredHashtag> top(Map<String, ScoredHashtag> entries, int n) {
    return entries.values().stream().sorted(ORDER).limit(n).toList();
  }

  /**
   * Drops the weakest entries until at most {@code max} remain, and ranks the best {@code n} of the
   * rest: one sort for both, as the ranker does this for every update of a window.
   */
  public static Map<String, Integer> trimAndRank(
      Map<String, ScoredHashtag> entries, int max, int n) {
    List<ScoredHashtag> ordered = new ArrayList<>(entries.values());
    ordered.sort(ORDER);
    for (int i = max; i < ordered.size(); i++) {
      entries.remove(ordered.get(i).hashtag());
    }
    Map<String, Integer> ranks = new HashMap<>();
    for (int i = 0; i < Math.min(n, ordered.size()); i++) {
      ranks.put(ordered.get(i).hashtag(), i + 1);
    }
    return ranks;
  }
}
