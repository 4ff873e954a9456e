package io.igpulse.aggregator.topology;

import io.igpulse.aggregator.config.WindowSpec;

/** Names of the aggregator's state stores; the query API reads them by these names. */
public final class StoreNames {

  public static final String MEDIA_STATE = "media-state";
  public static final String POSTING_HOURS = "posting-hours";
  public static final String FOLLOWER_HISTORY = "follower-history";

  private StoreNames() {}

  public static String accountWindows(WindowSpec spec) {
    return "account-windows-" + spec.name();
  }

  public static String hashtagWindows(WindowSpec spec) {
    return "hashtag-windows-" + spec.name();
  }

  public static String hashtagRanking(WindowSpec spec) {
    return "hashtag-ranking-" + spec.name();
  }
}
