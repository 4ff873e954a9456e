package io.igpulse.aggregator.topology.trend;

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

  /** Drops the weakest entries until at most {@code max} remain. */
  public static void keepCandidates(Map<String, ScoredHashtag> entries, int max) {
    if (entries.size() <= max) {
      return;
    }
    entries.values().stream()
        .sorted(ORDER)
        .skip(max)
        .map(ScoredHashtag::hashtag)
        .toList()
        .forEach(entries::remove);
  }

  public static Map<String, Integer> ranks(Map<String, ScoredHashtag> entries, int n) {
    Map<String, Integer> ranks = new HashMap<>();
    List<ScoredHashtag> top = top(entries, n);
    for (int i = 0; i < top.size(); i++) {
      ranks.put(top.get(i).hashtag(), i + 1);
    }
    return ranks;
  }
}
