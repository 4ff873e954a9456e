package io.igpulse.aggregator.topology;

import io.igpulse.aggregator.Snapshots;
import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.config.WindowSpec;
import io.igpulse.aggregator.service.StreamsSettings;
import io.igpulse.aggregator.topology.account.MediaFollowsProcessor;
import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AccountTrend;
import io.igpulse.events.EarnedMediaTrend;
import io.igpulse.events.FollowerGrowth;
import io.igpulse.events.HashtagTrend;
import io.igpulse.events.MediaFollowsDay;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.PostingHours;
import io.igpulse.runtime.clock.ServiceClock;
import io.igpulse.schemas.serde.RegistryConfig;
import io.igpulse.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology in a TopologyTestDriver, with helpers to feed snapshots and read every
 * output.
 */
final class TopologyFixture implements AutoCloseable {

  static final WindowSpec HOURLY = new WindowSpec(Duration.ofHours(1), Duration.ofMinutes(5));

  final TopologyTestDriver driver;
  private final FramedAvroSerdes serdes = new FramedAvroSerdes();
  private final TestInputTopic<String, MediaInsightSnapshot> snapshots;
  private final TestInputTopic<String, AccountInsightSnapshot> accountSnapshots;
  private final TestInputTopic<String, byte[]> rawSnapshots;
  private final TestOutputTopic<String, AccountTrend> accountTrends;
  private final TestOutputTopic<String, HashtagTrend> hashtagTrends;
  private final TestOutputTopic<String, PostingHours> postingHours;
  private final TestOutputTopic<String, EarnedMediaTrend> earnedTrends;
  final Map<String, EarnedMediaTrend> latestEarnedTrends = new LinkedHashMap<>();
  private final TestOutputTopic<String, FollowerGrowth> followerGrowth;
  private final TestOutputTopic<String, MediaFollowsDay> mediaFollows;
  final Map<String, AccountTrend> latestAccountTrends = new LinkedHashMap<>();
  final Map<String, HashtagTrend> latestHashtagTrends = new LinkedHashMap<>();
  final List<KeyValue<String, HashtagTrend>> hashtagUpdates = new ArrayList<>();

  TopologyFixture() {
    this(config());
  }

  TopologyFixture(AggregatorConfig config) {
    // The production settings (handlers, exactly-once), with the record cache off so every update
    // shows.
    Properties props = StreamsSettings.of(config, 0);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    // The test driver has no transactions; under its exactly-once emulation dead letters do not
    // show up in its
    // output topics. Exactly-once dead-lettering is covered on a real broker by AggregatorIT.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    driver =
        new TopologyTestDriver(
            TrendTopology.build(config, serdes), props, Instant.parse("2026-11-23T00:00:00Z"));
    StringSerializer keys = new StringSerializer();
    snapshots =
        driver.createInputTopic(
            Topics.MEDIA_INSIGHTS.name(),
            keys,
            serdes.valueSerde(Topics.MEDIA_INSIGHTS).serializer());
    accountSnapshots =
        driver.createInputTopic(
            Topics.ACCOUNT_INSIGHTS.name(),
            keys,
            serdes.valueSerde(Topics.ACCOUNT_INSIGHTS).serializer());
    rawSnapshots =
        driver.createInputTopic(Topics.MEDIA_INSIGHTS.name(), keys, new ByteArraySerializer());
    StringDeserializer keyReader = new StringDeserializer();
    accountTrends =
        driver.createOutputTopic(
            Topics.ACCOUNT_TRENDS.name(),
            keyReader,
            serdes.valueSerde(Topics.ACCOUNT_TRENDS).deserializer());
    hashtagTrends =
        driver.createOutputTopic(
            Topics.HASHTAG_TRENDS.name(),
            keyReader,
            serdes.valueSerde(Topics.HASHTAG_TRENDS).deserializer());
    postingHours =
        driver.createOutputTopic(
            Topics.POSTING_HOURS.name(),
            keyReader,
            serdes.valueSerde(Topics.POSTING_HOURS).deserializer());
    earnedTrends =
        driver.createOutputTopic(
            Topics.EARNED_TRENDS.name(),
            keyReader,
            serdes.valueSerde(Topics.EARNED_TRENDS).deserializer());
    followerGrowth =
        driver.createOutputTopic(
            Topics.FOLLOWER_GROWTH.name(),
            keyReader,
            serdes.valueSerde(Topics.FOLLOWER_GROWTH).deserializer());
    mediaFollows =
        driver.createOutputTopic(
            Topics.MEDIA_FOLLOWS.name(),
            keyReader,
            serdes.valueSerde(Topics.MEDIA_FOLLOWS).deserializer());
  }

  /** Six hours of grace: long enough that the tests' snapshot intervals are spread whole. */
  static final Duration GRACE = Duration.ofHours(6);

  static AggregatorConfig config() {
    return new AggregatorConfig(
        "unused:9092",
        "aggregator-test",
        RegistryConfig.of("http://unused:8080"),
        List.of(HOURLY),
        GRACE,
        Duration.ofDays(3),
        2,
        2,
        3,
        0.5,
        Duration.ofHours(1),
        ZoneId.of("UTC"),
        0,
        0,
        "localhost",
        "/tmp/unused",
        Map.of(),
        ServiceClock.SYSTEM);
  }

  void pipe(MediaInsightSnapshot snapshot) {
    snapshots.pipeInput(snapshot.getMediaId(), snapshot, snapshot.getCapturedAt());
  }

  void pipe(AccountInsightSnapshot snapshot) {
    accountSnapshots.pipeInput(snapshot.getIgUserId(), snapshot, snapshot.getCapturedAt());
  }

  void pipeRaw(String key, byte[] value, Instant at) {
    rawSnapshots.pipeInput(key, value, at);
  }

  /** Reads every new trend and keeps the latest per key; returns how many arrived. */
  int drain() {
    int before = hashtagUpdates.size();
    int accounts = 0;
    for (TestRecord<String, AccountTrend> record : accountTrends.readRecordsToList()) {
      latestAccountTrends.put(record.key(), record.value());
      accounts++;
    }
    for (TestRecord<String, EarnedMediaTrend> record : earnedTrends.readRecordsToList()) {
      latestEarnedTrends.put(record.key(), record.value());
      accounts++;
    }
    for (TestRecord<String, HashtagTrend> record : hashtagTrends.readRecordsToList()) {
      latestHashtagTrends.put(record.key(), record.value());
      hashtagUpdates.add(KeyValue.pair(record.key(), record.value()));
    }
    return accounts + hashtagUpdates.size() - before;
  }

  AccountTrend account(String account, String windowStart) {
    drain();
    return latestAccountTrends.get(account + "@" + windowStart + "/PT1H");
  }

  EarnedMediaTrend earned(String account, String windowStart) {
    drain();
    return latestEarnedTrends.get(account + "@" + windowStart + "/PT1H");
  }

  HashtagTrend hashtag(String hashtag, String windowStart) {
    drain();
    return latestHashtagTrends.get(hashtag + "@" + windowStart + "/PT1H");
  }

  List<PostingHours> postingHours() {
    return postingHours.readValuesToList();
  }

  Map<String, FollowerGrowth> followerGrowth() {
    Map<String, FollowerGrowth> latest = new LinkedHashMap<>();
    followerGrowth.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    return latest;
  }

  /** Every media-follows record published since the last call, in order, after a flush. */
  List<KeyValue<String, MediaFollowsDay>> mediaFollows() {
    driver.advanceWallClockTime(MediaFollowsProcessor.FLUSH);
    return mediaFollows.readKeyValuesToList();
  }

  List<TestRecord<byte[], byte[]>> deadLetters() {
    return driver
        .createOutputTopic(
            Topics.DEAD_LETTER.name(),
            Serdes.ByteArray().deserializer(),
            Serdes.ByteArray().deserializer())
        .readRecordsToList();
  }

  static MediaInsightSnapshot snapshot(
      String mediaId,
      String owner,
      List<String> hashtags,
      String postedAt,
      String capturedAt,
      Map<String, Long> metrics) {
    return Snapshots.media(
        mediaId, owner, hashtags, Instant.parse(postedAt), Instant.parse(capturedAt), metrics);
  }

  static AccountInsightSnapshot accountSnapshot(
      String account, String day, String capturedAt, Long followers, Long newFollowers) {
    return Snapshots.account(
        account, LocalDate.parse(day), Instant.parse(capturedAt), followers, newFollowers);
  }

  @Override
  public void close() {
    driver.close();
  }
}
