package io.igpulse.aggregator.topology.delta;

import io.igpulse.events.SnapshotKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a media's public counters have given its hashtags while no insights were known for it: the
 * sum of those deltas, the span they covered and the hashtags they went to. When the media's first
 * insights arrive, its hashtags are counted through insights from zero or from their baseline, so
 * this is taken back (see {@link DeltaCalculator}); without that, a media found by hashtag search
 * minutes before its owner's media list counted its first likes twice.
 *
 * @param from the start of the first credited delta's interval
 * @param to the capture time of the last credited delta
 * @param hashtags the hashtags of the last credited delta
 * @param changes the credited changes, summed per metric
 */
public record HashtagCredit(long from, long to, List<String> hashtags, Map<String, Long> changes) {

  public HashtagCredit {
    hashtags = List.copyOf(hashtags);
    changes = Map.copyOf(changes);
  }

  /** The credit of a first public delta that counted for hashtags. */
  static HashtagCredit of(MediaDelta delta) {
    return new HashtagCredit(delta.from(), delta.capturedAt(), delta.hashtags(), delta.changes());
  }

  /** This credit and one more public delta that counted for hashtags. */
  HashtagCredit plus(MediaDelta delta) {
    Map<String, Long> sum = new HashMap<>(changes);
    delta.changes().forEach((metric, change) -> sum.merge(metric, change, Long::sum));
    return new HashtagCredit(from, delta.capturedAt(), delta.hashtags(), sum);
  }

  /**
   * The delta that takes this credit back from the hashtags, over the span it was given in: a
   * public delta without earned-by accounts or owner, so it reaches no other family and adds no
   * account to a hashtag.
   */
  MediaDelta retraction(String mediaId, long postedAt) {
    Map<String, Long> negated = new HashMap<>();
    changes.forEach((metric, change) -> negated.put(metric, -change));
    return new MediaDelta(
        mediaId,
        SnapshotKind.PUBLIC_COUNTERS,
        null,
        null,
        hashtags,
        List.of(),
        postedAt,
        from,
        to,
        negated,
        false);
  }
}
