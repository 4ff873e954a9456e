package io.igpulse.schemas.topic;

import io.igpulse.events.AccountAudience;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AccountRegistration;
import io.igpulse.events.AccountTrend;
import io.igpulse.events.EarnedMediaTrend;
import io.igpulse.events.FollowerGrowth;
import io.igpulse.events.HashtagTrend;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaFollowsDay;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.PostingHours;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The topic catalog: every topic igpulse reads or writes, as in ARCHITECTURE.md. Partition counts
 * are the ceiling of each service's parallelism; they are chosen for a few thousand accounts and
 * can only grow.
 */
public final class Topics {

  /** Accounts to follow; the collector's consumer group splits accounts by these partitions. */
  public static final Topic<String, AccountRegistration> ACCOUNTS =
      new Topic<>(
          "instagram.accounts",
          Codec.utf8String(),
          Codec.avro(AccountRegistration.class),
          6,
          CleanupPolicy.COMPACT,
          Optional.empty());

  /**
   * One record per discovery, keyed by media id; compacted, so that a reader starting from the
   * beginning (a new enricher building its schedule) gets each media's latest discovery rather than
   * every one. The collector's own "already seen" state is not here: compaction keeps one source
   * per media, so it lives in the collector's internal seen topic.
   */
  public static final Topic<String, MediaDiscovered> MEDIA_DISCOVERED =
      new Topic<>(
          "instagram.media.discovered",
          Codec.utf8String(),
          Codec.avro(MediaDiscovered.class),
          12,
          CleanupPolicy.COMPACT,
          Optional.empty());

  /** Insight snapshots: the raw material of every trend, kept long so trends can be recomputed. */
  public static final Topic<String, MediaInsightSnapshot> MEDIA_INSIGHTS =
      new Topic<>(
          "instagram.media.insights",
          Codec.utf8String(),
          Codec.avro(MediaInsightSnapshot.class),
          12,
          CleanupPolicy.DELETE,
          Optional.of(Duration.ofDays(400)));

  /** Daily account insights. */
  public static final Topic<String, AccountInsightSnapshot> ACCOUNT_INSIGHTS =
      new Topic<>(
          "instagram.account.insights",
          Codec.utf8String(),
          Codec.avro(AccountInsightSnapshot.class),
          6,
          CleanupPolicy.DELETE,
          Optional.of(Duration.ofDays(400)));

  /** Rolling per-account trends, keyed by account and window. */
  public static final Topic<String, AccountTrend> ACCOUNT_TRENDS =
      new Topic<>(
          "instagram.trends.account",
          Codec.utf8String(),
          Codec.avro(AccountTrend.class),
          6,
          CleanupPolicy.COMPACT,
          Optional.empty());

  /** Rolling per-hashtag trends with rank, keyed by hashtag and window. */
  public static final Topic<String, HashtagTrend> HASHTAG_TRENDS =
      new Topic<>(
          "instagram.trends.hashtag",
          Codec.utf8String(),
          Codec.avro(HashtagTrend.class),
          6,
          CleanupPolicy.COMPACT,
          Optional.empty());

  /**
   * Rolling earned-media trends per followed account (engagement on other accounts' media that tag
   * or mention it), keyed by account and window.
   */
  public static final Topic<String, EarnedMediaTrend> EARNED_TRENDS =
      new Topic<>(
          "instagram.trends.earned",
          Codec.utf8String(),
          Codec.avro(EarnedMediaTrend.class),
          6,
          CleanupPolicy.COMPACT,
          Optional.empty());

  /** Follower growth per account and day, keyed by account + day. */
  public static final Topic<String, FollowerGrowth> FOLLOWER_GROWTH =
      new Topic<>(
          "instagram.trends.followers",
          Codec.utf8String(),
          Codec.avro(FollowerGrowth.class),
          6,
          CleanupPolicy.COMPACT,
          Optional.empty());

  /** Best posting hours per account, keyed by account. */
  public static final Topic<String, PostingHours> POSTING_HOURS =
      new Topic<>(
          "instagram.trends.posting-hours",
          Codec.utf8String(),
          Codec.avro(PostingHours.class),
          6,
          CleanupPolicy.COMPACT,
          Optional.empty());

  /**
   * The media that grew each account's followers, per day: the {@code follows} insight of its own
   * media, keyed {@code <ig_user_id>@<day>}.
   */
  public static final Topic<String, MediaFollowsDay> MEDIA_FOLLOWS =
      new Topic<>(
          "instagram.trends.media-follows",
          Codec.utf8String(),
          Codec.avro(MediaFollowsDay.class),
          6,
          CleanupPolicy.COMPACT,
          Optional.empty());

  /** Each account's latest audience (follower and engaged demographics), keyed by account. */
  public static final Topic<String, AccountAudience> AUDIENCE =
      new Topic<>(
          "instagram.trends.audience",
          Codec.utf8String(),
          Codec.avro(AccountAudience.class),
          6,
          CleanupPolicy.COMPACT,
          Optional.empty());

  /** Records no service could process: original key and bytes plus headers saying why. */
  public static final Topic<byte[], byte[]> DEAD_LETTER =
      new Topic<>(
          "igpulse.deadletter",
          Codec.bytes(),
          Codec.bytes(),
          3,
          CleanupPolicy.DELETE,
          Optional.of(Duration.ofDays(30)));

  private static final List<Topic<?, ?>> ALL =
      List.of(
          ACCOUNTS,
          MEDIA_DISCOVERED,
          MEDIA_INSIGHTS,
          ACCOUNT_INSIGHTS,
          ACCOUNT_TRENDS,
          HASHTAG_TRENDS,
          EARNED_TRENDS,
          FOLLOWER_GROWTH,
          POSTING_HOURS,
          MEDIA_FOLLOWS,
          AUDIENCE,
          DEAD_LETTER);

  private Topics() {}

  /** Every topic of the contract, in pipeline order. */
  public static List<Topic<?, ?>> all() {
    return ALL;
  }

  /** The topics whose values are Avro records registered in the registry. */
  public static List<Topic<?, ?>> avroTopics() {
    return ALL.stream().filter(t -> t.value() instanceof Codec.Avro<?>).toList();
  }
}
