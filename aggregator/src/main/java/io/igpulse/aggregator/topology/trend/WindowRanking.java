package io.igpulse.aggregator.topology.trend;

import java.util.HashMap;
import java.util.Map;

/** The ranking state of one window: every hashtag seen in it, and the ranks last published. */
public record WindowRanking(
    long windowEnd, Map<String, ScoredHashtag> entries, Map<String, Integer> ranks) {

  public WindowRanking {
    entries = new HashMap<>(entries);
    ranks = new HashMap<>(ranks);
  }
}
