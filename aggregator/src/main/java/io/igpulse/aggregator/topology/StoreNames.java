package io.igpulse.aggregator.topology;

import io.igpulse.aggregator.config.WindowSpec;

/** Names of the aggregator's state stores; the query API reads them by these names. */
public final class StoreNames {

  public static final String MEDIA_STATE = "media-state";
  public static final String POSTING_HOURS = "posting-hours";
  public static final String FOLLOWER_HISTORY = "follower-history";
  public static final String ACCOUNT_AUDIENCE = "account-audience";
  public static final String MEDIA_FOLLOWS = "media-follows";
  public static final String MEDIA_FOLLOWS_PENDING = "media-follows-pending";

  private StoreNames() {}

  /** Per-account buckets (tumbling, one advance long) of a window family. */
  public static String accountBuckets(WindowSpec spec) {
    return "account-buckets-" + spec.name();
  }

  /** Per-account buckets of earned media (tumbling, one advance long) of a window family. */
  public static String earnedBuckets(WindowSpec spec) {
    return "earned-buckets-" + spec.name();
  }

  /** Per-hashtag buckets (tumbling, one advance long) of a window family. */
  public static String hashtagBuckets(WindowSpec spec) {
    return "hashtag-buckets-" + spec.name();
  }

  /** Per-hashtag buckets of what each media gained (for a window's top media). */
  public static String hashtagMedia(WindowSpec spec) {
    return "hashtag-media-" + spec.name();
  }

  public static String hashtagRanking(WindowSpec spec) {
    return "hashtag-ranking-" + spec.name();
  }
}
