package io.igpulse.aggregator.topology.codec;

import io.igpulse.aggregator.topology.account.DayFollows;
import io.igpulse.aggregator.topology.account.FollowerHistory;
import io.igpulse.aggregator.topology.account.PostingHoursState;
import io.igpulse.aggregator.topology.delta.DeltaState;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import io.igpulse.aggregator.topology.trend.ScoredHashtag;
import io.igpulse.aggregator.topology.trend.WindowRanking;
import io.igpulse.aggregator.topology.window.AccountWindow;
import io.igpulse.aggregator.topology.window.EarnedWindow;
import io.igpulse.aggregator.topology.window.HashtagMediaBucket;
import io.igpulse.aggregator.topology.window.HashtagWindow;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/** The serdes of the aggregator's internal values: see {@link CompactSerde}. */
public final class InternalSerdes {

  public static final Serde<DeltaState> MEDIA_STATE =
      CompactSerde.of(
          DeltaState.class,
          CompactSerde.FORMAT_3,
          InternalCodecs.MEDIA_STATE,
          Map.of(
              CompactSerde.FORMAT_1,
              InternalCodecs.MEDIA_STATE_1,
              CompactSerde.FORMAT_2,
              InternalCodecs.MEDIA_STATE_2));
  public static final Serde<MediaDelta> MEDIA_DELTA =
      CompactSerde.of(
          MediaDelta.class,
          CompactSerde.FORMAT_2,
          InternalCodecs.MEDIA_DELTA,
          Map.of(CompactSerde.FORMAT_1, InternalCodecs.MEDIA_DELTA_1));
  public static final Serde<AccountWindow> ACCOUNT_WINDOW =
      CompactSerde.of(AccountWindow.class, InternalCodecs.ACCOUNT_WINDOW);
  public static final Serde<EarnedWindow> EARNED_WINDOW =
      CompactSerde.of(EarnedWindow.class, InternalCodecs.EARNED_WINDOW);
  public static final Serde<HashtagWindow> HASHTAG_WINDOW =
      CompactSerde.of(HashtagWindow.class, InternalCodecs.HASHTAG_WINDOW);
  public static final Serde<PostingHoursState> POSTING_HOURS =
      CompactSerde.of(PostingHoursState.class, InternalCodecs.POSTING_HOURS);
  public static final Serde<ScoredHashtag> SCORED_HASHTAG =
      CompactSerde.of(ScoredHashtag.class, InternalCodecs.SCORED_HASHTAG);
  public static final Serde<WindowRanking> WINDOW_RANKING =
      CompactSerde.of(WindowRanking.class, InternalCodecs.WINDOW_RANKING);
  public static final Serde<HashtagMediaBucket> HASHTAG_MEDIA =
      CompactSerde.of(HashtagMediaBucket.class, InternalCodecs.HASHTAG_MEDIA);
  public static final Serde<FollowerHistory> FOLLOWER_HISTORY =
      CompactSerde.of(FollowerHistory.class, InternalCodecs.FOLLOWER_HISTORY);
  public static final Serde<DayFollows> MEDIA_FOLLOWS =
      CompactSerde.of(DayFollows.class, InternalCodecs.MEDIA_FOLLOWS);

  private InternalSerdes() {}
}
