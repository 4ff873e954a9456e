package io.igpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.igpulse.events.AccountTrend;
import io.igpulse.events.EarnedMediaTrend;
import io.igpulse.events.HashtagTrend;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.SnapshotKind;
import io.igpulse.schemas.serde.RegistryConfig;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.scenario.Scenario;
import io.igpulse.simulator.world.BurstPlan;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline through the launcher's own code ({@link LocalStack}: production broker,
 * embedded registry, simulator, the three services), two simulated days with a stop and a start in
 * the middle, checked against the simulator's ground truth.
 *
 * <p><b>The window bound.</b> The aggregator spreads the engagement a media gained between two
 * snapshots over that interval in proportion to time. A window boundary that falls between two
 * snapshots of a media is the only place a window can be wrong about it: the true split of that
 * interval's gain lies somewhere between 0 and the whole gain (totals only grow), so the error at
 * that boundary is at most the gain of the interval that straddles it (plus 1 for integer
 * rounding). A story's last snapshot is taken 2 minutes before it expires; what it gains after that
 * is at most its last interval's gain (the curve is concave). The bound of a window is the sum of
 * those terms over the account's media, computed from the snapshots themselves: it grows with the
 * snapshot interval (15 min while a media is young, hourly to 2 days, then 6 h) and with how fast
 * the media gain around the boundary, and is 0 for media whose snapshots fall on both boundaries.
 *
 * <p><b>The truth compared.</b> Per window, the truth gains of the media igpulse follows, each over
 * the span it follows it: from its baseline (its first snapshot, or its posting when the first
 * snapshot falls within the first-snapshot credit) to its last snapshot. Engagement outside that
 * span is not knowable from the API as igpulse reads it (a hashtag media gains before it is listed,
 * a post older than the 30-day horizon is not re-read) and is printed, not hidden. The same bound
 * applies to account, earned-media and hashtag windows.
 */
class PipelineEndToEndIT {

  /** Simulated seconds per real second: two simulated days in four minutes. */
  private static final double SPEED = 720;

  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path data;

  @Test
  void shouldMatchTheSimulatorsTruthOverTwoDaysAcrossARestart() throws Exception {
    LocalConfig config = config();
    // Ticks of a quarter second keep the enricher's 15-minute rounds on time at 720x.
    Map<String, String> env = Map.of("IGPULSE_ENRICHER_TICK", "PT0.25S");

    LocalStack first = LocalStack.start(config, env, line -> {});
    Instant t0 = first.simulator().orElseThrow().world().spec().start();
    // The bursts' windows are checked through the query API while its stores still hold them.
    awaitSimulatedTime(first, burstsOver(config).plus(Duration.ofHours(2)));
    first.simulator().orElseThrow().clock().setSpeed(0);
    awaitDrained(first);
    checkBursts(first, config);
    first.simulator().orElseThrow().clock().setSpeed(SPEED);
    awaitSimulatedTime(first, t0.plus(DAY));
    first.close();
    Instant restartedAt = savedTime(config);

    LocalStack stack = LocalStack.start(config, env, line -> {});
    try {
      awaitSimulatedTime(stack, t0.plus(DAY.multipliedBy(2)));
      stack.simulator().orElseThrow().clock().setSpeed(0);
      Instant end = stack.clock().instant();
      awaitDrained(stack);

      Check check = new Check(stack, t0, end, restartedAt);
      check.discovery();
      check.stories();
      check.accountWindows();
      check.earnedWindows();
      check.hashtagWindows();
      check.nothingLost();
    } finally {
      stack.close();
    }
  }

  /** When the demo scenario's last burst ends. */
  private static Instant burstsOver(LocalConfig config) {
    return Scenario.demo(SimulatorConfig.of(config.demo().seed(), config.demo().accounts()).world())
        .stream()
        .map(b -> b.at().plus(b.duration()))
        .max(Instant::compareTo)
        .orElseThrow();
  }

  private static Instant savedTime(LocalConfig config) throws IOException {
    return Instant.parse(
        java.nio.file.Files.readString(config.dataDir().resolve("simulator-clock")).trim());
  }

  /** What the test checks, with the figures it prints for the README and the closing note. */
  private static final class Check {
    private final LocalStack stack;
    private final Instant t0;
    private final Instant end;
    private final Instant restartedAt;
    private final Truth truth;
    private final RegistryConfig registry;
    private final List<String> undecodable = new ArrayList<>();
    private final List<TopicContents.Keyed<MediaInsightSnapshot>> snapshots;
    private final List<String> followed;

    Check(LocalStack stack, Instant t0, Instant end, Instant restartedAt) {
      this.stack = stack;
      this.t0 = t0;
      this.end = end;
      this.restartedAt = restartedAt;
      this.truth = new Truth(stack.simulator().orElseThrow().baseUrl());
      this.registry = RegistryConfig.of(stack.registryUrl());
      this.snapshots =
          TopicContents.readAll(
              stack.bootstrapServers(), registry, Topics.MEDIA_INSIGHTS, undecodable);
      this.followed = stack.demoAccountIds();
      System.out.printf(
          "e2e: %s to %s (restart at %s), %d followed accounts, %d snapshots%n",
          t0, end, restartedAt, followed.size(), snapshots.size());
    }

    /** Every post and story of a followed account, created in the period, found exactly once. */
    void discovery() {
      List<TopicContents.Keyed<MediaDiscovered>> found =
          TopicContents.readAll(
              stack.bootstrapServers(), registry, Topics.MEDIA_DISCOVERED, undecodable);
      Map<String, Long> perSource =
          found.stream()
              .map(TopicContents.Keyed::value)
              .collect(
                  Collectors.groupingBy(
                      d ->
                          d.getFollowedAccountId()
                              + "|"
                              + d.getSource()
                              + "|"
                              + d.getHashtag()
                              + "|"
                              + d.getMediaId(),
                      Collectors.counting()));
      assertThat(perSource.values())
          .as("each (account, source, media) emitted once")
          .allMatch(n -> n == 1);
      int posts = 0;
      int stories = 0;
      List<String> missing = new ArrayList<>();
      // The last half hour may not have been polled yet: stories are listed every 30 minutes.
      Instant until = end.minus(Duration.ofMinutes(45));
      for (String account : followed) {
        JsonObject created = truth.createdMedia(account, t0, until);
        for (Object o : created.getJsonArray("posts")) {
          String id = ((JsonObject) o).getString("id");
          if (!perSource.containsKey(account + "|OWNED|null|" + id)) {
            missing.add("post " + id + " of " + account);
          }
          posts++;
        }
        for (Object o : created.getJsonArray("stories")) {
          JsonObject story = (JsonObject) o;
          String id = story.getString("id");
          if (!perSource.containsKey(account + "|STORY|null|" + id)) {
            missing.add(
                "story " + id + " of " + account + " posted " + story.getString("timestamp"));
          }
          stories++;
        }
      }
      assertThat(missing).as("media the followed accounts created, not discovered").isEmpty();
      System.out.printf(
          "e2e: discovery: %d posts and %d stories created by the followed accounts, all found once;"
              + " %d discoveries in all%n",
          posts, stories, found.size());
      assertThat(posts).isPositive();
      assertThat(stories).isPositive();
    }

    /** Every story that expired in the period had an insights snapshot before it expired. */
    void stories() {
      Map<String, Instant> firstCapture = new HashMap<>();
      for (var s : snapshots) {
        MediaInsightSnapshot v = s.value();
        if (v.getKind() == SnapshotKind.INSIGHTS) {
          firstCapture.merge(v.getMediaId(), v.getCapturedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
      }
      int covered = 0;
      for (String account : followed) {
        JsonObject created = truth.createdMedia(account, t0, end.minus(DAY));
        for (Object o : created.getJsonArray("stories")) {
          JsonObject story = (JsonObject) o;
          Instant expiry = graphTime(story.getString("timestamp")).plus(DAY);
          assertThat(firstCapture.get(story.getString("id")))
              .as("story %s snapshotted before %s", story.getString("id"), expiry)
              .isNotNull()
              .isBefore(expiry);
          covered++;
        }
      }
      System.out.printf(
          "e2e: stories: %d expired in the period, each snapshotted before expiry%n", covered);
      assertThat(covered).isPositive();
    }

    /**
     * Each followed account's hourly windows against the truth of the media igpulse follows, over
     * the span it follows them (see {@link #observedTruth}), within the derived bound.
     */
    void accountWindows() {
      Map<String, Long> published =
          engagementByKey(Topics.ACCOUNT_TRENDS, AccountTrend::getEngagementGained);
      Map<String, Map<String, TreeMap<Instant, Long>>> series =
          series(SnapshotKind.INSIGHTS, v -> List.of(v.getOwnerId()));
      Comparison c = new Comparison("account");
      ErrorProfile igpulse = new ErrorProfile("account windows, igpulse");
      ErrorProfile byFinder =
          new ErrorProfile("account windows, same snapshots credited to the finder at capture");
      Map<String, Long> naive =
          FinderAttribution.hourly(
              snapshots.stream().map(TopicContents.Keyed::value).toList(),
              TopicContents.readAll(
                      stack.bootstrapServers(), registry, Topics.MEDIA_DISCOVERED, undecodable)
                  .stream()
                  .map(TopicContents.Keyed::value)
                  .toList());
      long untracked = 0;
      for (String account : followed) {
        Map<String, TreeMap<Instant, Long>> tracked = series.getOrDefault(account, Map.of());
        for (Instant[] w : hours()) {
          long expected =
              observedTruth(tracked, w[0], w[1], (id, from, to) -> ownGain(account, id, from, to));
          untracked += ownTruth(account, w[0], w[1]).getLong("engagement_gained") - expected;
          long actual = published.getOrDefault(account + "@" + w[0] + "/PT1H", 0L);
          c.add(account, w[0], actual, expected, bound(tracked, w[0], w[1]));
          igpulse.hour(account, w[0], actual, expected);
          byFinder.hour(account, w[0], naive.getOrDefault(account + "@" + w[0], 0L), expected);
        }
      }
      c.report();
      for (String account : followed) {
        Map<String, TreeMap<Instant, Long>> tracked = series.getOrDefault(account, Map.of());
        long truthTotal = spanTruth(tracked, (id, from, to) -> ownGain(account, id, from, to));
        assertTotal("account " + account, published, account, tracked, truthTotal);
        igpulse.period(account, onTheHourTotal(published, account), truthTotal);
        byFinder.period(account, onTheHourTotal(naive, account), truthTotal);
      }
      System.out.printf("e2e: %s%ne2e: %s%n", igpulse.report(), byFinder.report());
      System.out.printf(
          "e2e: account engagement outside what igpulse follows (media older than its 30-day"
              + " horizon, before discovery): %d%n",
          untracked);
      assertThat(c.windows).isGreaterThan(followed.size() * 30);
    }

    /**
     * Each followed account's earned media (others' media tagging or mentioning it, read through
     * public counters) against the truth over the span igpulse follows each, within the bound.
     */
    void earnedWindows() {
      Map<String, Long> published =
          engagementByKey(Topics.EARNED_TRENDS, EarnedMediaTrend::getEngagementGained);
      Map<String, Map<String, TreeMap<Instant, Long>>> series = earnedSeries();
      Comparison c = new Comparison("earned");
      for (String account : followed) {
        Map<String, TreeMap<Instant, Long>> tracked = series.getOrDefault(account, Map.of());
        for (Instant[] w : hours()) {
          c.add(
              account,
              w[0],
              published.getOrDefault(account + "@" + w[0] + "/PT1H", 0L),
              observedTruth(
                  tracked,
                  w[0],
                  w[1],
                  (id, from, to) ->
                      mediaGain(
                          cached(
                              "earned", account, from, to, () -> truth.earned(account, from, to)),
                          id,
                          Truth::visibleGain)),
              bound(tracked, w[0], w[1]));
        }
      }
      c.report();
      for (String account : followed) {
        Map<String, TreeMap<Instant, Long>> tracked = series.getOrDefault(account, Map.of());
        assertTotal(
            "earned " + account,
            published,
            account,
            tracked,
            spanTruth(
                tracked,
                (id, from, to) ->
                    mediaGain(
                        cached("earned", account, from, to, () -> truth.earned(account, from, to)),
                        id,
                        Truth::visibleGain)));
      }
      assertThat(c.truthSum).as("earned engagement in the period").isPositive();
    }

    /**
     * The most discovered hashtags' hourly windows against the truth over the span igpulse follows
     * each media: public gains of media it does not own, insight engagement of media it owns (a
     * media read both ways counts for its hashtags through its insights).
     */
    void hashtagWindows() {
      Map<String, Long> published =
          engagementByKey(Topics.HASHTAG_TRENDS, HashtagTrend::getEngagementGained);
      Map<String, String> ownerOf = new HashMap<>();
      for (var s : snapshots) {
        if (s.value().getKind() == SnapshotKind.INSIGHTS) {
          ownerOf.put(s.value().getMediaId(), s.value().getOwnerId());
        }
      }
      Map<String, Map<String, TreeMap<Instant, Long>>> series =
          series(
              null,
              v ->
                  v.getKind() == SnapshotKind.PUBLIC_COUNTERS && ownerOf.containsKey(v.getMediaId())
                      ? List.of()
                      : v.getHashtags());
      List<String> hashtags =
          series.entrySet().stream()
              .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
              .limit(3)
              .map(Map.Entry::getKey)
              .toList();
      Comparison c = new Comparison("hashtag");
      for (String hashtag : hashtags) {
        Map<String, TreeMap<Instant, Long>> tracked = series.get(hashtag);
        for (Instant[] w : hours()) {
          c.add(
              "#" + hashtag,
              w[0],
              published.getOrDefault(hashtag + "@" + w[0] + "/PT1H", 0L),
              observedTruth(
                  tracked,
                  w[0],
                  w[1],
                  (id, from, to) ->
                      ownerOf.containsKey(id)
                          ? ownGain(ownerOf.get(id), id, from, to)
                          : mediaGain(
                              cached(
                                  "hashtag",
                                  hashtag,
                                  from,
                                  to,
                                  () -> truth.hashtagPublic(hashtag, from, to)),
                              id,
                              Truth::visibleGain)),
              bound(tracked, w[0], w[1]));
        }
      }
      c.report();
      for (String hashtag : hashtags) {
        assertTotal(
            "#" + hashtag,
            published,
            hashtag,
            series.get(hashtag),
            spanTruth(
                series.get(hashtag),
                (id, from, to) ->
                    ownerOf.containsKey(id)
                        ? ownGain(ownerOf.get(id), id, from, to)
                        : mediaGain(
                            cached(
                                "hashtag",
                                hashtag,
                                from,
                                to,
                                () -> truth.hashtagPublic(hashtag, from, to)),
                            id,
                            Truth::visibleGain)));
      }
      assertThat(c.windows).isGreaterThan(hashtags.size() * 30);
    }

    /**
     * Nothing lost, nothing counted twice, across the restart: the hourly windows on the hour,
     * which tile time, hold together exactly what the followed media gained between their baselines
     * and last snapshots (spreading moves a gain between windows, never out of them). The truth
     * over the same spans is printed beside it: at 720x, a snapshot's {@code captured_at} and the
     * simulator's reading differ by the request's latency times 720 (10 ms are 7 simulated
     * seconds), so the truth at the capture times differs from the values read by what the media
     * gained in those seconds. That snapshots equal the truth exactly is shown on a stopped clock
     * by the enricher's ITs.
     */
    private void assertTotal(
        String what,
        Map<String, Long> published,
        String group,
        Map<String, TreeMap<Instant, Long>> tracked,
        long truth) {
      long sum = onTheHourTotal(published, group);
      long read = 0;
      for (TreeMap<Instant, Long> captures : tracked.values()) {
        read += captures.lastEntry().getValue() - captures.firstEntry().getValue();
      }
      System.out.printf(
          "e2e: total of %s: igpulse %d, snapshots %d, truth %d%n", what, sum, read, truth);
      assertThat(sum).as("total engagement of %s over the period", what).isEqualTo(read);
    }

    /**
     * The sum of a group's hourly windows on the hour, which tile time: keyed {@code
     * group@start/PT1H} as the trends topics are, or {@code group@start}.
     */
    private static long onTheHourTotal(Map<String, Long> windows, String group) {
      String prefix = group + "@";
      long sum = 0;
      for (Map.Entry<String, Long> e : windows.entrySet()) {
        String key = e.getKey();
        if (key.startsWith(prefix) && (key.endsWith("/PT1H") || !key.contains("/"))) {
          String start = key.substring(prefix.length()).replace("/PT1H", "");
          if (Instant.parse(start).getEpochSecond() % 3600 == 0) {
            sum += e.getValue();
          }
        }
      }
      return sum;
    }

    /** The truth gain of each followed media between its baseline and its last snapshot. */
    private static long spanTruth(Map<String, TreeMap<Instant, Long>> tracked, MediaTruth truth) {
      long sum = 0;
      for (Map.Entry<String, TreeMap<Instant, Long>> m : tracked.entrySet()) {
        if (m.getValue().size() > 1) {
          sum += truth.gain(m.getKey(), m.getValue().firstKey(), m.getValue().lastKey());
        }
      }
      return sum;
    }

    /** A media's truth gain in [from, to). */
    private interface MediaTruth {
      long gain(String mediaId, Instant from, Instant to);
    }

    /**
     * What igpulse can know of a window: the truth gains of the media it follows, each over the
     * part of the window between its baseline (first snapshot, or posting under the first-snapshot
     * credit) and its last snapshot. Before the baseline nothing was read (a media found late, or
     * older than the 30-day horizon); after the last snapshot nothing is read any more.
     */
    private static long observedTruth(
        Map<String, TreeMap<Instant, Long>> tracked,
        Instant start,
        Instant stop,
        MediaTruth truth) {
      long sum = 0;
      for (Map.Entry<String, TreeMap<Instant, Long>> m : tracked.entrySet()) {
        Instant from = later(start, m.getValue().firstKey());
        Instant to = earlier(stop, m.getValue().lastKey());
        if (from.isBefore(to)) {
          sum += truth.gain(m.getKey(), from, to);
        }
      }
      return sum;
    }

    private final Map<String, JsonObject> answers = new HashMap<>();

    private JsonObject cached(
        String view,
        String group,
        Instant from,
        Instant to,
        java.util.function.Supplier<JsonObject> ask) {
      return answers.computeIfAbsent(view + "|" + group + "|" + from + "|" + to, k -> ask.get());
    }

    private JsonObject ownTruth(String account, Instant from, Instant to) {
      return cached("own", account, from, to, () -> truth.ownEngagement(account, from, to));
    }

    private long ownGain(String owner, String mediaId, Instant from, Instant to) {
      return mediaGain(ownTruth(owner, from, to), mediaId, m -> m.getLong("engagement_gained"));
    }

    private static long mediaGain(
        JsonObject answer, String mediaId, java.util.function.ToLongFunction<JsonObject> gain) {
      for (Object o : answer.getJsonArray("media")) {
        JsonObject m = (JsonObject) o;
        if (m.getString("id").equals(mediaId)) {
          return gain.applyAsLong(m);
        }
      }
      return 0;
    }

    private static Instant later(Instant a, Instant b) {
      return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
      return a.isBefore(b) ? a : b;
    }

    /** Every whole hour from two hours after the start to six hours before the end. */
    private List<Instant[]> hours() {
      List<Instant[]> out = new ArrayList<>();
      Instant last = end.minus(Duration.ofHours(6));
      for (Instant start = t0.plus(Duration.ofHours(2));
          !start.plus(HOUR).isAfter(last);
          start = start.plus(HOUR)) {
        out.add(new Instant[] {start, start.plus(HOUR)});
      }
      return out;
    }

    /** The latest engagement published per key of a compacted trends topic. */
    private <V> Map<String, Long> engagementByKey(
        io.igpulse.schemas.topic.Topic<String, V> topic, java.util.function.ToLongFunction<V> f) {
      Map<String, Long> latest = new HashMap<>();
      for (var t : TopicContents.readAll(stack.bootstrapServers(), registry, topic, undecodable)) {
        latest.put(t.key(), f.applyAsLong(t.value()));
      }
      return latest;
    }

    /**
     * Per followed account, per earned media: public engagement by capture time. A delta counts for
     * the accounts its later snapshot names in {@code earned_by}, which grows as more followed
     * accounts find the media: an account's series starts at the snapshot before the first that
     * names it (or at posting, under the first-snapshot credit).
     */
    private Map<String, Map<String, TreeMap<Instant, Long>>> earnedSeries() {
      Map<String, TreeMap<Instant, MediaInsightSnapshot>> byMedia = new HashMap<>();
      for (var s : snapshots) {
        MediaInsightSnapshot v = s.value();
        if (v.getKind() == SnapshotKind.PUBLIC_COUNTERS && v.getEngagement() != null) {
          byMedia.computeIfAbsent(v.getMediaId(), k -> new TreeMap<>()).put(v.getCapturedAt(), v);
        }
      }
      Map<String, Map<String, TreeMap<Instant, Long>>> out = new HashMap<>();
      for (Map.Entry<String, TreeMap<Instant, MediaInsightSnapshot>> media : byMedia.entrySet()) {
        MediaInsightSnapshot previous = null;
        for (MediaInsightSnapshot v : media.getValue().values()) {
          for (String account : v.getEarnedBy()) {
            Map<String, TreeMap<Instant, Long>> tracked =
                out.computeIfAbsent(account, k -> new HashMap<>());
            TreeMap<Instant, Long> series = tracked.get(media.getKey());
            if (series == null) {
              series = new TreeMap<>();
              tracked.put(media.getKey(), series);
              if (previous != null) {
                series.put(previous.getCapturedAt(), previous.getEngagement());
              } else if (!v.getCapturedAt().isAfter(v.getPostedAt().plus(HOUR))) {
                series.put(v.getPostedAt(), 0L);
              }
            }
            series.put(v.getCapturedAt(), v.getEngagement());
          }
          previous = v;
        }
      }
      return out;
    }

    /**
     * Per group (owner, earned account or hashtag), per media: engagement by capture time, from the
     * snapshots of {@code kind} (any when null).
     */
    private Map<String, Map<String, TreeMap<Instant, Long>>> series(
        SnapshotKind kind, java.util.function.Function<MediaInsightSnapshot, List<String>> groups) {
      Map<String, Map<String, TreeMap<Instant, Long>>> out = new HashMap<>();
      for (var s : snapshots) {
        MediaInsightSnapshot v = s.value();
        if ((kind != null && v.getKind() != kind) || v.getEngagement() == null) {
          continue;
        }
        for (String group : groups.apply(v)) {
          if (group == null) {
            continue;
          }
          TreeMap<Instant, Long> media =
              out.computeIfAbsent(group, k -> new HashMap<>())
                  .computeIfAbsent(v.getMediaId(), k -> new TreeMap<>());
          media.put(v.getCapturedAt(), v.getEngagement());
          // A media first read within the first-snapshot credit counts from 0 at posting.
          if (media.firstKey().equals(v.getCapturedAt())
              && !v.getCapturedAt().isAfter(v.getPostedAt().plus(HOUR))) {
            media.put(v.getPostedAt(), 0L);
          }
        }
      }
      return out;
    }

    /** The class javadoc's bound: gains of the snapshot intervals that straddle a boundary. */
    private static long bound(
        Map<String, TreeMap<Instant, Long>> media, Instant start, Instant stop) {
      long bound = 0;
      for (TreeMap<Instant, Long> captures : media.values()) {
        for (Instant boundary : List.of(start, stop)) {
          Map.Entry<Instant, Long> before = captures.lowerEntry(boundary);
          Map.Entry<Instant, Long> after = captures.higherEntry(boundary);
          if (before != null && after != null) {
            bound += Math.abs(after.getValue() - before.getValue()) + 1;
          } else if (before != null && captures.size() > 1) {
            // Nothing read after the boundary (a story's last minutes): at most its last gain.
            Map.Entry<Instant, Long> previous = captures.lowerEntry(before.getKey());
            if (previous != null && before.getKey().isAfter(start.minus(DAY))) {
              bound += Math.abs(before.getValue() - previous.getValue()) + 1;
            }
          }
        }
      }
      return bound;
    }

    /** No dead letter, and every record of every contract topic decodes. */
    void nothingLost() {
      TopicContents.readAll(stack.bootstrapServers(), registry, Topics.HASHTAG_TRENDS, undecodable);
      TopicContents.readAll(stack.bootstrapServers(), registry, Topics.EARNED_TRENDS, undecodable);
      TopicContents.readAll(
          stack.bootstrapServers(), registry, Topics.ACCOUNT_INSIGHTS, undecodable);
      long deadLetters =
          TopicContents.count(
              stack.bootstrapServers(), Topics.DEAD_LETTER.name(), Topics.DEAD_LETTER.partitions());
      System.out.printf(
          "e2e: %d dead letters, %d undecodable records%n", deadLetters, undecodable.size());
      assertThat(undecodable).isEmpty();
      assertThat(deadLetters).isZero();
    }
  }

  /**
   * The burst hashtag leads its hour; the burst account has the highest trend score of its hour.
   * Checked while those windows are still in the aggregator's stores (eight window sizes).
   */
  private static void checkBursts(LocalStack stack, LocalConfig config) {
    Truth truth = new Truth(stack.simulator().orElseThrow().baseUrl());
    List<String> followed = stack.demoAccountIds();
    List<BurstPlan> plans =
        Scenario.demo(SimulatorConfig.of(config.demo().seed(), config.demo().accounts()).world());
    BurstPlan hashtagBurst =
        plans.stream().filter(b -> b.hashtag() != null).findFirst().orElseThrow();
    BurstPlan accountBurst =
        plans.stream().filter(b -> b.account() != null).findFirst().orElseThrow();

    Instant hashtagEnd = hashtagBurst.at().plus(hashtagBurst.duration());
    JsonObject top =
        truth.get(stack.aggregatorUrl() + "/api/hashtags/top?window=PT1H&at=" + hashtagEnd);
    JsonArray ranked = top.getJsonArray("hashtags");
    assertThat(ranked).as("top hashtags of the hour ending %s", hashtagEnd).isNotEmpty();
    assertThat(ranked.getJsonObject(0).getString("hashtag")).isEqualTo(hashtagBurst.hashtag());
    assertThat(ranked.getJsonObject(0).getInteger("rank")).isEqualTo(1);

    String burstAccount =
        Long.toString(
            stack
                .simulator()
                .orElseThrow()
                .world()
                .account(
                    stack
                        .simulator()
                        .orElseThrow()
                        .world()
                        .accountByUsername(accountBurst.account()))
                .igUserId());
    Map<String, Double> scores = new HashMap<>();
    for (String account : followed) {
      JsonArray windows =
          new JsonArray(
              truth.getArray(
                  stack.aggregatorUrl()
                      + "/api/accounts/"
                      + account
                      + "/trend?window=PT1H&from="
                      + accountBurst.at()
                      + "&to="
                      + accountBurst.at()));
      for (Object o : windows) {
        JsonObject w = (JsonObject) o;
        if (w.getString("windowStart").equals(accountBurst.at().toString())
            && w.getValue("trendScore") != null) {
          scores.put(account, w.getDouble("trendScore"));
        }
      }
    }
    String best =
        scores.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse("none");
    System.out.printf(
        "e2e: bursts: #%s rank 1 in %s..%s (%d engagement); account %s trend score %.2f, best of %d scored%n",
        hashtagBurst.hashtag(),
        hashtagBurst.at(),
        hashtagEnd,
        ranked.getJsonObject(0).getLong("engagementGained"),
        burstAccount,
        scores.getOrDefault(burstAccount, Double.NaN),
        scores.size());
    assertThat(best).isEqualTo(burstAccount);
  }

  /** Hourly windows of one view against the truth: every error within its bound, with figures. */
  private static final class Comparison {
    private final String view;
    private int windows;
    private int exact;
    private long pipelineSum;
    private long truthSum;
    private long largest;
    private String largestAt = "none";
    private double worstShareOfBound;

    Comparison(String view) {
      this.view = view;
    }

    void add(String group, Instant start, long actual, long expected, long bound) {
      long error = Math.abs(actual - expected);
      assertThat(error)
          .as(
              "%s %s window %s: igpulse %d, truth %d, bound %d",
              view, group, start, actual, expected, bound)
          .isLessThanOrEqualTo(bound);
      windows++;
      exact += error == 0 ? 1 : 0;
      pipelineSum += actual;
      truthSum += expected;
      if (error > largest) {
        largest = error;
        largestAt =
            String.format(
                "%s %s (igpulse %d, truth %d, bound %d)", group, start, actual, expected, bound);
      }
      if (bound > 0) {
        worstShareOfBound = Math.max(worstShareOfBound, (double) error / bound);
      }
    }

    void report() {
      System.out.printf(
          "e2e: %s windows: %d hours checked, %d exact; engagement igpulse %d vs truth %d;"
              + " largest error %d at %s; largest error / bound %.2f%n",
          view, windows, exact, pipelineSum, truthSum, largest, largestAt, worstShareOfBound);
    }
  }

  /** The Graph API's timestamp form, {@code 2026-01-12T16:46:38+0000}. */
  private static Instant graphTime(String text) {
    return OffsetDateTime.parse(text, GRAPH_TIME).toInstant();
  }

  private static final DateTimeFormatter GRAPH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

  private static void awaitSimulatedTime(LocalStack stack, Instant target) {
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !stack.clock().instant().isBefore(target));
  }

  /** The enricher and aggregator have read everything, three readings in a row. */
  private static void awaitDrained(LocalStack stack) {
    AtomicInteger quietReadings = new AtomicInteger();
    try (ProgressReader reader =
        new ProgressReader(
            stack.bootstrapServers(), stack.aggregatorUrl(), stack.clock(), () -> 0)) {
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                if (reader.read().consumerLag() != 0) {
                  quietReadings.set(0);
                  return false;
                }
                return quietReadings.incrementAndGet() >= 3;
              });
    }
  }

  private LocalConfig config() throws IOException {
    List<String> args = new ArrayList<>();
    args.add("--data-dir=" + data);
    args.add("--speed=" + SPEED);
    args.add("--accounts=30");
    args.add("--followed=8");
    for (String flag : new LocalConfig.Ports(0, 0, 0, 0, 0, 0, 0, 0, 0).byFlag().keySet()) {
      args.add("--" + flag + "=" + freePort());
    }
    return LocalConfig.from(args, Map.of());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
