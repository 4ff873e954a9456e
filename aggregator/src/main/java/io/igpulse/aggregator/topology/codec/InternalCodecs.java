package io.igpulse.aggregator.topology.codec;

import io.igpulse.aggregator.topology.account.DayFollows;
import io.igpulse.aggregator.topology.account.FollowerHistory;
import io.igpulse.aggregator.topology.account.HourOfWeek;
import io.igpulse.aggregator.topology.account.PostingHoursState;
import io.igpulse.aggregator.topology.delta.DeltaState;
import io.igpulse.aggregator.topology.delta.HashtagCredit;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import io.igpulse.aggregator.topology.trend.ScoredHashtag;
import io.igpulse.aggregator.topology.trend.WindowRanking;
import io.igpulse.aggregator.topology.window.AccountWindow;
import io.igpulse.aggregator.topology.window.EarnedWindow;
import io.igpulse.aggregator.topology.window.HashtagMediaBucket;
import io.igpulse.aggregator.topology.window.HashtagWindow;
import io.igpulse.aggregator.topology.window.PackedStrings;
import io.igpulse.events.SnapshotKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The compact layout of each internal type. Field order is the format: never reorder; a layout
 * change takes a new format byte (see {@link CompactSerde}) and keeps the old codec as its reader.
 */
final class InternalCodecs {

  /**
   * The stored code of each common metric name: its position here. Part of the format, so frozen:
   * never reorder or extend it (stored values would be read as other metrics). Any other name,
   * including a metric tracked later, is written as {@link #METRIC_BY_NAME} and then the name.
   */
  static final List<String> METRIC_CODES =
      List.of("engagement", "reach", "views", "likes", "comments", "saved", "shares");

  /** The code saying that the metric's name follows. */
  static final int METRIC_BY_NAME = 7;

  private InternalCodecs() {}

  /**
   * Media state, format 1: one reading (insights) and the posting-hour flag. Still read; written
   * only by tests that check it is.
   */
  static final CompactCodec<DeltaState> MEDIA_STATE_1 =
      new CompactCodec<>() {
        @Override
        public void write(DeltaState value, CompactWriter out) {
          out.writeLong(value.insights().capturedAt());
          writeMetrics(value.insights().metrics(), out);
          out.writeBoolean(value.countedForPostingHour());
        }

        @Override
        public DeltaState read(CompactReader in) {
          return new DeltaState(
              new DeltaState.Reading(in.readLong(), readMetrics(in)), null, null, in.readBoolean());
        }
      };

  /**
   * Media state, format 2: a reading per kind, and the owner insights are credited to. Still read;
   * written within format 3.
   */
  static final CompactCodec<DeltaState> MEDIA_STATE_2 =
      new CompactCodec<>() {
        @Override
        public void write(DeltaState value, CompactWriter out) {
          writeReading(value.insights(), out);
          writeReading(value.publicCounters(), out);
          out.writeNullableString(value.owner());
          out.writeBoolean(value.countedForPostingHour());
        }

        @Override
        public DeltaState read(CompactReader in) {
          return new DeltaState(
              readReading(in), readReading(in), in.readNullableString(), in.readBoolean());
        }
      };

  /** Media state, format 3: format 2 and what public counters gave the hashtags before insights. */
  static final CompactCodec<DeltaState> MEDIA_STATE =
      new CompactCodec<>() {
        @Override
        public void write(DeltaState value, CompactWriter out) {
          MEDIA_STATE_2.write(value, out);
          HashtagCredit credit = value.hashtagCredit();
          out.writeBoolean(credit != null);
          if (credit != null) {
            out.writeLong(credit.from());
            out.writeLong(credit.to() - credit.from());
            writeStrings(credit.hashtags(), out);
            writeMetrics(credit.changes(), out);
          }
        }

        @Override
        public DeltaState read(CompactReader in) {
          DeltaState state = MEDIA_STATE_2.read(in);
          if (!in.readBoolean()) {
            return state;
          }
          long from = in.readLong();
          long to = from + in.readLong();
          HashtagCredit credit =
              new HashtagCredit(from, to, readStrings(in, new ArrayList<>()), readMetrics(in));
          return new DeltaState(
              state.insights(),
              state.publicCounters(),
              state.owner(),
              state.countedForPostingHour(),
              credit);
        }
      };

  private static void writeReading(DeltaState.Reading reading, CompactWriter out) {
    out.writeBoolean(reading != null);
    if (reading != null) {
      out.writeLong(reading.capturedAt());
      writeMetrics(reading.metrics(), out);
    }
  }

  private static DeltaState.Reading readReading(CompactReader in) {
    return in.readBoolean() ? new DeltaState.Reading(in.readLong(), readMetrics(in)) : null;
  }

  /**
   * Media delta, format 1: an insight delta counted at its capture time. Still read (repartition
   * topics written before the upgrade); written only by tests that check it is.
   */
  static final CompactCodec<MediaDelta> MEDIA_DELTA_1 =
      new CompactCodec<>() {
        @Override
        public void write(MediaDelta value, CompactWriter out) {
          out.writeString(value.mediaId());
          out.writeNullableString(value.ownerId());
          writeStrings(value.hashtags(), out);
          out.writeLong(value.postedAt());
          out.writeLong(value.capturedAt() - value.postedAt());
          writeMetrics(value.changes(), out);
          out.writeBoolean(value.capturedAt() - value.postedAt() <= MediaDelta.FIRST_DAY_MILLIS);
          out.writeBoolean(value.firstCountForPostingHour());
        }

        @Override
        public MediaDelta read(CompactReader in) {
          String mediaId = in.readString();
          String ownerId = in.readNullableString();
          List<String> hashtags = readStrings(in, new ArrayList<>());
          long postedAt = in.readLong();
          long capturedAt = postedAt + in.readLong();
          Map<String, Long> changes = readMetrics(in);
          in.readBoolean(); // first-day flag: now derived from the interval
          return new MediaDelta(
              mediaId,
              SnapshotKind.INSIGHTS,
              ownerId,
              null,
              hashtags,
              List.of(),
              postedAt,
              capturedAt,
              capturedAt,
              changes,
              in.readBoolean());
        }
      };

  /** Media delta, format 2: kind, owner username, earned-by accounts and the interval's start. */
  static final CompactCodec<MediaDelta> MEDIA_DELTA =
      new CompactCodec<>() {
        @Override
        public void write(MediaDelta value, CompactWriter out) {
          out.writeString(value.mediaId());
          out.writeByte(value.insights() ? 0 : 1);
          out.writeNullableString(value.ownerId());
          out.writeNullableString(value.ownerUsername());
          writeStrings(value.hashtags(), out);
          writeStrings(value.earnedBy(), out);
          out.writeLong(value.postedAt());
          // Usually a few minutes to hours after posting: two or three bytes instead of six.
          out.writeLong(value.capturedAt() - value.postedAt());
          out.writeLong(value.capturedAt() - value.from());
          writeMetrics(value.changes(), out);
          out.writeBoolean(value.firstCountForPostingHour());
        }

        @Override
        public MediaDelta read(CompactReader in) {
          String mediaId = in.readString();
          int kind = in.readByte();
          if (kind != 0 && kind != 1) {
            throw new SerializationException("corrupt media delta: kind " + kind);
          }
          String ownerId = in.readNullableString();
          String ownerUsername = in.readNullableString();
          List<String> hashtags = readStrings(in, new ArrayList<>());
          List<String> earnedBy = readStrings(in, new ArrayList<>());
          long postedAt = in.readLong();
          long capturedAt = postedAt + in.readLong();
          long from = capturedAt - in.readLong();
          return new MediaDelta(
              mediaId,
              kind == 0 ? SnapshotKind.INSIGHTS : SnapshotKind.PUBLIC_COUNTERS,
              ownerId,
              ownerUsername,
              hashtags,
              earnedBy,
              postedAt,
              from,
              capturedAt,
              readMetrics(in),
              in.readBoolean());
        }
      };

  static final CompactCodec<AccountWindow> ACCOUNT_WINDOW =
      new CompactCodec<>() {
        @Override
        public void write(AccountWindow value, CompactWriter out) {
          out.writeLong(value.engagement());
          out.writeLong(value.reach());
          out.writeLong(value.views());
          out.writeLong(value.updatedAt());
          // A block, so that reading a bucket for its engagement alone skips the map.
          out.writeBlock(
              block -> {
                Map<String, Long> media = value.mediaEngagement();
                block.writeSize(media.size());
                media.forEach(
                    (id, gained) -> {
                      block.writeString(id);
                      block.writeLong(gained);
                    });
              });
        }

        @Override
        public AccountWindow read(CompactReader in) {
          long engagement = in.readLong();
          long reach = in.readLong();
          long views = in.readLong();
          long updatedAt = in.readLong();
          CompactReader block = in.readBlock();
          return AccountWindow.restore(
              engagement, reach, views, () -> readMediaEngagement(block), updatedAt);
        }
      };

  static final CompactCodec<EarnedWindow> EARNED_WINDOW =
      new CompactCodec<>() {
        @Override
        public void write(EarnedWindow value, CompactWriter out) {
          out.writeLong(value.engagement());
          out.writeLong(value.likes());
          out.writeLong(value.comments());
          out.writeLong(value.updatedAt());
          out.writeBlock(
              block -> {
                Map<String, Long> media = value.mediaEngagement();
                block.writeSize(media.size());
                media.forEach(
                    (id, gained) -> {
                      block.writeString(id);
                      block.writeLong(gained);
                    });
              });
        }

        @Override
        public EarnedWindow read(CompactReader in) {
          long engagement = in.readLong();
          long likes = in.readLong();
          long comments = in.readLong();
          long updatedAt = in.readLong();
          CompactReader block = in.readBlock();
          return EarnedWindow.restore(
              engagement, likes, comments, () -> readMediaEngagement(block), updatedAt);
        }
      };

  static final CompactCodec<HashtagWindow> HASHTAG_WINDOW =
      new CompactCodec<>() {
        @Override
        public void write(HashtagWindow value, CompactWriter out) {
          out.writeLong(value.engagement());
          out.writeLong(value.updatedAt());
          writePacked(value.media(), out);
          writePacked(value.accounts(), out);
        }

        @Override
        public HashtagWindow read(CompactReader in) {
          long engagement = in.readLong();
          long updatedAt = in.readLong();
          return HashtagWindow.restore(engagement, readPacked(in), readPacked(in), updatedAt);
        }
      };

  /** The set's packed bytes as they are: no entry is decoded or encoded. */
  private static void writePacked(PackedStrings set, CompactWriter out) {
    out.writeSize(set.size());
    out.writeBytes(set.packed());
  }

  private static PackedStrings readPacked(CompactReader in) {
    int count = in.readSize();
    return PackedStrings.fromPacked(in.readBytes(), count);
  }

  private static Map<String, Long> readMediaEngagement(CompactReader block) {
    int count = block.readSize();
    Map<String, Long> media = new HashMap<>(capacity(count));
    for (int i = 0; i < count; i++) {
      media.put(block.readString(), block.readLong());
    }
    block.expectEnd("account window media");
    return media;
  }

  static final CompactCodec<PostingHoursState> POSTING_HOURS =
      new CompactCodec<>() {
        @Override
        public void write(PostingHoursState value, CompactWriter out) {
          out.writeLong(value.updatedAt());
          int used = 0;
          for (int h = 0; h < HourOfWeek.HOURS; h++) {
            if (value.media()[h] != 0 || value.engagement()[h] != 0) {
              used++;
            }
          }
          // Sparse: an account posts in a few of the 168 hours of the week.
          out.writeSize(used);
          for (int h = 0; h < HourOfWeek.HOURS; h++) {
            if (value.media()[h] != 0 || value.engagement()[h] != 0) {
              out.writeInt(h);
              out.writeInt(value.media()[h]);
              out.writeLong(value.engagement()[h]);
            }
          }
        }

        @Override
        public PostingHoursState read(CompactReader in) {
          long updatedAt = in.readLong();
          int[] media = new int[HourOfWeek.HOURS];
          long[] engagement = new long[HourOfWeek.HOURS];
          int used = in.readSize();
          for (int i = 0; i < used; i++) {
            int hour = in.readInt();
            if (hour < 0 || hour >= HourOfWeek.HOURS) {
              throw new SerializationException("corrupt posting hours: hour " + hour);
            }
            media[hour] = in.readInt();
            engagement[hour] = in.readLong();
          }
          return new PostingHoursState(media, engagement, updatedAt);
        }
      };

  static final CompactCodec<ScoredHashtag> SCORED_HASHTAG =
      new CompactCodec<>() {
        @Override
        public void write(ScoredHashtag value, CompactWriter out) {
          out.writeString(value.hashtag());
          out.writeLong(value.windowStart());
          out.writeLong(value.windowEnd() - value.windowStart());
          out.writeLong(value.engagement());
          out.writeInt(value.distinctMedia());
          out.writeInt(value.distinctAccounts());
          out.writeDouble(value.velocity());
          out.writeNullableDouble(value.baseline());
          out.writeNullableDouble(value.score());
          out.writeLong(value.updatedAt());
        }

        @Override
        public ScoredHashtag read(CompactReader in) {
          String hashtag = in.readString();
          long start = in.readLong();
          long end = start + in.readLong();
          return new ScoredHashtag(
              hashtag,
              start,
              end,
              in.readLong(),
              in.readInt(),
              in.readInt(),
              in.readDouble(),
              in.readNullableDouble(),
              in.readNullableDouble(),
              in.readLong());
        }
      };

  static final CompactCodec<WindowRanking> WINDOW_RANKING =
      new CompactCodec<>() {
        @Override
        public void write(WindowRanking value, CompactWriter out) {
          out.writeLong(value.windowEnd());
          out.writeSize(value.entries().size());
          value
              .entries()
              .forEach(
                  (hashtag, entry) -> {
                    out.writeString(hashtag);
                    SCORED_HASHTAG.write(entry, out);
                  });
          out.writeSize(value.ranks().size());
          value
              .ranks()
              .forEach(
                  (hashtag, rank) -> {
                    out.writeString(hashtag);
                    out.writeInt(rank);
                  });
        }

        @Override
        public WindowRanking read(CompactReader in) {
          long windowEnd = in.readLong();
          int count = in.readSize();
          Map<String, ScoredHashtag> entries = new HashMap<>(capacity(count));
          for (int i = 0; i < count; i++) {
            entries.put(in.readString(), SCORED_HASHTAG.read(in));
          }
          int ranked = in.readSize();
          Map<String, Integer> ranks = new HashMap<>(capacity(ranked));
          for (int i = 0; i < ranked; i++) {
            ranks.put(in.readString(), in.readInt());
          }
          return new WindowRanking(windowEnd, entries, ranks);
        }
      };

  static final CompactCodec<HashtagMediaBucket> HASHTAG_MEDIA =
      new CompactCodec<>() {
        @Override
        public void write(HashtagMediaBucket value, CompactWriter out) {
          var entries = value.entries();
          out.writeSize(entries.size());
          for (var e : entries) {
            out.writeString(e.mediaId());
            out.writeNullableString(e.owner());
            out.writeLong(e.engagement());
          }
        }

        @Override
        public HashtagMediaBucket read(CompactReader in) {
          int size = in.readSize();
          var entries = new ArrayList<HashtagMediaBucket.Entry>(size);
          for (int i = 0; i < size; i++) {
            entries.add(
                new HashtagMediaBucket.Entry(
                    in.readString(), in.readNullableString(), in.readLong()));
          }
          return HashtagMediaBucket.restore(entries);
        }
      };

  static final CompactCodec<FollowerHistory> FOLLOWER_HISTORY =
      new CompactCodec<>() {
        @Override
        public void write(FollowerHistory value, CompactWriter out) {
          out.writeSize(value.days().size());
          value
              .days()
              .forEach(
                  (day, numbers) -> {
                    out.writeLong(day);
                    out.writeNullableLong(numbers.followersCount());
                    out.writeNullableLong(numbers.newFollowers());
                    out.writeLong(numbers.capturedAt());
                  });
        }

        @Override
        public FollowerHistory read(CompactReader in) {
          int count = in.readSize();
          TreeMap<Long, FollowerHistory.Day> days = new TreeMap<>();
          for (int i = 0; i < count; i++) {
            days.put(
                in.readLong(),
                new FollowerHistory.Day(
                    in.readNullableLong(), in.readNullableLong(), in.readLong()));
          }
          return new FollowerHistory(days);
        }
      };

  static final CompactCodec<DayFollows> MEDIA_FOLLOWS =
      new CompactCodec<>() {
        @Override
        public void write(DayFollows value, CompactWriter out) {
          out.writeLong(value.updatedAt());
          out.writeSize(value.media().size());
          value
              .media()
              .forEach(
                  (media, follows) -> {
                    out.writeString(media);
                    out.writeLong(follows);
                  });
        }

        @Override
        public DayFollows read(CompactReader in) {
          long updatedAt = in.readLong();
          int size = in.readSize();
          Map<String, Long> media = new HashMap<>(size * 2);
          for (int i = 0; i < size; i++) {
            media.put(in.readString(), in.readLong());
          }
          return DayFollows.restore(media, updatedAt);
        }
      };

  private static void writeMetrics(Map<String, Long> metrics, CompactWriter out) {
    out.writeSize(metrics.size());
    metrics.forEach(
        (name, value) -> {
          int code = METRIC_CODES.indexOf(name);
          if (code >= 0) {
            out.writeInt(code);
          } else {
            out.writeInt(METRIC_BY_NAME);
            out.writeString(name);
          }
          out.writeLong(value);
        });
  }

  private static Map<String, Long> readMetrics(CompactReader in) {
    int count = in.readSize();
    Map<String, Long> metrics = new HashMap<>(capacity(count));
    for (int i = 0; i < count; i++) {
      int code = in.readInt();
      String name = code == METRIC_BY_NAME ? in.readString() : metricOfCode(code);
      metrics.put(name, in.readLong());
    }
    return metrics;
  }

  private static String metricOfCode(int code) {
    if (code < 0 || code >= METRIC_CODES.size()) {
      throw new SerializationException("corrupt metrics: code " + code);
    }
    return METRIC_CODES.get(code);
  }

  private static void writeStrings(Collection<String> values, CompactWriter out) {
    out.writeSize(values.size());
    for (String value : values) {
      out.writeString(value);
    }
  }

  private static <C extends Collection<String>> C readStrings(CompactReader in, C into) {
    int count = in.readSize();
    for (int i = 0; i < count; i++) {
      into.add(in.readString());
    }
    return into;
  }

  /** A hash capacity that holds {@code count} entries without rehashing. */
  private static int capacity(int count) {
    return (int) (count / 0.75f) + 1;
  }
}
