package io.igpulse.enricher.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpulse.enricher.config.PublicCounterConfig;
import io.igpulse.enricher.schedule.RefreshSchedule;
import io.igpulse.events.DiscoverySource;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.SnapshotKind;
import io.igpulse.events.UnavailableMetric;
import io.igpulse.events.UnavailableReason;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.version.ApiVersion;
import io.igpulse.schemas.topic.Topics;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.world.Media;
import io.igpulse.testkit.TopicReader;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A followed account with its own posts, a media of another account it is tagged in (also found as
 * a mention) and a recent hashtag media of a third account (also found by a followed account whose
 * token the enricher lacks): insights only for the own posts, public counters equal to the
 * simulator's truth for the others, one series per media, and not one insights read of a media the
 * token's account does not own (counted by the simulator's {@code /_sim/stats}).
 */
@WithInfrastructure
@WithSimulator
class PublicCountersIT {

  private static final Logger LOG = LoggerFactory.getLogger(PublicCountersIT.class);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RefreshSchedule PUBLIC =
      new RefreshSchedule(PublicCounterConfig.defaults(180).cadence());
  private final HttpClient http = HttpClient.newHttpClient();
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private EnricherHarness harness;
  private EnricherService service;

  /** What the test follows: account A's posts, a media tagged in A, a hashtag media. */
  private record Setup(
      int account, List<Media> owned, Media tagged, Media hashtagMedia, String tag) {}

  @BeforeEach
  void setUp(KafkaCluster kafka, SchemaRegistry registry, Simulator sim) {
    harness = new EnricherHarness(kafka, registry, sim);
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void shouldReadInsightsOnlyOfOwnMediaAndPublicCountersOfTheOthers() throws Exception {
    Setup s = pick();
    String a = Long.toString(harness.sim().world().account(s.account()).igUserId());
    String other = otherFollowedAccount(s);
    List<Media> all = new ArrayList<>(s.owned());
    all.add(s.tagged());
    all.add(s.hashtagMedia());
    service =
        harness.start(harness.config("enricher-it-public-" + id, ApiVersion.DEFAULT), s.owned());
    TopicReader out = harness.mark(Topics.MEDIA_INSIGHTS);
    JsonNode statsBefore = get("/_sim/stats");
    List<Instant> lookedAt = new ArrayList<>();

    lookedAt.add(harness.sim().clock().now());
    harness.discover(s.owned());
    harness.send(
        List.of(
            harness.foundThrough(s.tagged(), DiscoverySource.TAGGED, a, null),
            harness.foundThrough(s.tagged(), DiscoverySource.MENTION, a, null),
            harness.foundThrough(s.hashtagMedia(), DiscoverySource.HASHTAG_RECENT, other, s.tag()),
            harness.foundThrough(s.hashtagMedia(), DiscoverySource.HASHTAG_RECENT, a, s.tag())));
    List<MediaInsightSnapshot> seen = awaitLook(out, s, lookedAt);
    // An hour later every media is due again; past the hashtag media's first 24 h, recent_media
    // no longer lists it and it leaves the schedule, while the others go on.
    harness.advance(Duration.ofHours(1));
    lookedAt.add(harness.sim().clock().now());
    seen = awaitLook(out, s, lookedAt);
    harness
        .sim()
        .clock()
        .set(Instant.ofEpochSecond(s.hashtagMedia().createdSec() + 86_400 + 3_600));
    lookedAt.add(harness.sim().clock().now());
    seen = awaitLook(out, s, lookedAt);

    Map<String, List<MediaInsightSnapshot>> byMedia = EnricherHarness.byMedia(seen);
    for (Media m : s.owned()) {
      List<MediaInsightSnapshot> snapshots = byMedia.get(Long.toString(m.id()));
      assertThat(snapshots)
          .extracting(MediaInsightSnapshot::getCapturedAt)
          .containsExactlyElementsOf(ScheduleReplay.expected(m, lookedAt));
      for (MediaInsightSnapshot snap : snapshots) {
        assertThat(snap.getKind()).isEqualTo(SnapshotKind.INSIGHTS);
        assertThat(snap.getOwnerId()).isEqualTo(a);
        assertThat(snap.getEarnedBy()).isEmpty();
        assertThat(snap.getMetrics().get("reach")).isEqualTo(harness.truth(snap).get("reach"));
      }
    }
    List<MediaInsightSnapshot> tagged = byMedia.get(Long.toString(s.tagged().id()));
    assertThat(tagged)
        .extracting(MediaInsightSnapshot::getCapturedAt)
        .as("one series of the tagged media, found twice")
        .containsExactlyElementsOf(publicExpected(s.tagged(), lookedAt, Long.MAX_VALUE));
    String owner = harness.sim().world().account(s.tagged().account()).username();
    for (MediaInsightSnapshot snap : tagged) {
      assertPublic(snap, List.of(a));
      assertThat(snap.getOwnerUsername()).isEqualTo(owner);
    }
    List<MediaInsightSnapshot> hashtag = byMedia.get(Long.toString(s.hashtagMedia().id()));
    long recentEnd = (s.hashtagMedia().createdSec() + 86_400) * 1000;
    assertThat(hashtag)
        .extracting(MediaInsightSnapshot::getCapturedAt)
        .as("read while recent_media lists it, through the account we hold a token for")
        .containsExactlyElementsOf(publicExpected(s.hashtagMedia(), lookedAt, recentEnd))
        .hasSize(2);
    for (MediaInsightSnapshot snap : hashtag) {
      assertPublic(snap, List.of());
      assertThat(snap.getOwnerUsername()).as("hashtag edges name no owner").isNull();
    }
    assertThat(byMedia.keySet()).containsAll(all.stream().map(m -> Long.toString(m.id())).toList());

    JsonNode statsAfter = get("/_sim/stats");
    long insightCalls = delta(statsBefore, statsAfter, "media_insights");
    long insightSnapshots = seen.stream().filter(x -> x.getKind() == SnapshotKind.INSIGHTS).count();
    assertThat(insightCalls)
        .as("media_insights calls: exactly one per snapshot of an own post, none for the others")
        .isEqualTo(
            s.owned().stream()
                .mapToLong(
                    m -> EnricherHarness.insightCalls(m, byMedia.get(Long.toString(m.id())).size()))
                .sum());
    assertThat(insightSnapshots)
        .isEqualTo(
            s.owned().stream().mapToLong(m -> byMedia.get(Long.toString(m.id())).size()).sum());
    assertThat(delta(statsBefore, statsAfter, "media")).as("direct media reads").isZero();
    JsonNode errorsBefore = statsBefore.path("errors");
    JsonNode errorsAfter = statsAfter.path("errors");
    assertThat(errorsAfter.path("100").asLong(0) - errorsBefore.path("100").asLong(0))
        .as("refusals: a plain reel's cross-posted views, once")
        .isEqualTo(s.owned().stream().mapToLong(EnricherHarness::crossPostedRefusals).sum());
    errorsAfter
        .fieldNames()
        .forEachRemaining(
            code -> {
              if (!"100".equals(code)) {
                assertThat(errorsAfter.path(code).asLong(0))
                    .as("refusals with code %s", code)
                    .isEqualTo(errorsBefore.path(code).asLong(0));
              }
            });
    long publicCalls =
        delta(statsBefore, statsAfter, "user_tags")
            + delta(statsBefore, statsAfter, "user")
            + delta(statsBefore, statsAfter, "hashtag_search")
            + delta(statsBefore, statsAfter, "hashtag_recent_media")
            + delta(statsBefore, statsAfter, "hashtag_top_media");
    long publicSnapshots = tagged.size() + hashtag.size();
    LOG.info(
        "public counters: {} calls for {} snapshots (tags {}, mention items {}, hashtag {})",
        publicCalls,
        publicSnapshots,
        delta(statsBefore, statsAfter, "user_tags"),
        delta(statsBefore, statsAfter, "user"),
        delta(statsBefore, statsAfter, "hashtag_search")
            + delta(statsBefore, statsAfter, "hashtag_recent_media"));
    assertThat(delta(statsBefore, statsAfter, "user"))
        .as("the tags listing serves the tagged media: no mention item needed")
        .isZero();
  }

  @Test
  void shouldReReadAMentionedMediaThroughMentionedMediaInSharedBatches() {
    Media mentioned = null;
    int account = -1;
    for (int attempt = 0; attempt < 48 && mentioned == null; attempt++) {
      synchronized (Youngest.class) {
        for (int a = 0; a < Youngest.FIRST_RESERVED_ACCOUNT && mentioned == null; a++) {
          Media m = Youngest.HANDED_OUT.contains(a) ? null : youngTagged(a);
          if (m != null) {
            Youngest.HANDED_OUT.add(a);
            mentioned = m;
            account = a;
          }
        }
      }
      if (mentioned == null) {
        harness.advance(Duration.ofHours(1));
      }
    }
    assertThat(mentioned).as("a young media tagged in a free account").isNotNull();
    var world = harness.sim().world();
    String a = Long.toString(world.account(account).igUserId());
    service =
        harness.start(
            harness.config("enricher-it-mention-" + id, ApiVersion.DEFAULT),
            Map.of(a, AccessToken.of(world.account(account).token())));
    TopicReader out = harness.mark(Topics.MEDIA_INSIGHTS);
    JsonNode statsBefore = get("/_sim/stats");
    List<Instant> lookedAt = new ArrayList<>();
    String mediaId = Long.toString(mentioned.id());
    Media m = mentioned;

    lookedAt.add(harness.sim().clock().now());
    harness.send(List.of(harness.foundThrough(m, DiscoverySource.MENTION, a, null)));
    awaitPublic(out, mediaId, 1);
    // To the media's next due time on the public cadence (up to a day for a media weeks old).
    harness
        .sim()
        .clock()
        .set(
            Instant.ofEpochMilli(
                PUBLIC
                    .nextDue(m.createdSec() * 1000, null, false, lookedAt.get(0).toEpochMilli())
                    .getAsLong()));
    lookedAt.add(harness.sim().clock().now());
    List<MediaInsightSnapshot> seen =
        awaitPublic(out, mediaId, publicExpected(m, lookedAt, Long.MAX_VALUE).size());

    List<MediaInsightSnapshot> snapshots = EnricherHarness.byMedia(seen).get(mediaId);
    assertThat(snapshots)
        .extracting(MediaInsightSnapshot::getCapturedAt)
        .containsExactlyElementsOf(publicExpected(m, lookedAt, Long.MAX_VALUE))
        .hasSize(2);
    for (MediaInsightSnapshot snap : snapshots) {
      assertPublic(snap, List.of(a));
      assertThat(snap.getOwnerUsername()).isEqualTo(world.account(m.account()).username());
    }
    JsonNode statsAfter = get("/_sim/stats");
    assertThat(delta(statsBefore, statsAfter, "user"))
        .as("one mentioned_media item per snapshot")
        .isEqualTo(2);
    assertThat(delta(statsBefore, statsAfter, "batch")).as("in batch requests").isEqualTo(2);
    assertThat(delta(statsBefore, statsAfter, "media_insights")).isZero();
    assertThat(delta(statsBefore, statsAfter, "media")).isZero();
  }

  /** A media tagged in the account, 20 min to 28 days old, of an account no test took yet. */
  private Media youngTagged(int account) {
    long now = harness.sim().clock().nowEpochSecond();
    for (long t : harness.sim().world().taggedIn(account)) {
      Media m = harness.sim().world().findMedia(t);
      long age = now - m.createdSec();
      if (age >= 1200 && age < Duration.ofDays(28).toSeconds() && usable(m.account(), account)) {
        return m;
      }
    }
    return null;
  }

  private List<MediaInsightSnapshot> awaitPublic(TopicReader out, String mediaId, int count) {
    List<MediaInsightSnapshot> seen =
        harness.awaitSnapshots(
            out,
            all -> EnricherHarness.byMedia(all).getOrDefault(mediaId, List.of()).size() >= count,
            WAIT);
    Instant now = harness.sim().clock().now();
    truthNow.put(mediaId + "@" + now, get("/_sim/truth/media/" + mediaId));
    return seen;
  }

  private void assertPublic(MediaInsightSnapshot snap, List<String> earnedBy) {
    assertThat(snap.getKind()).isEqualTo(SnapshotKind.PUBLIC_COUNTERS);
    assertThat(snap.getOwnerId()).isNull();
    assertThat(snap.getEarnedBy()).containsExactlyElementsOf(earnedBy);
    JsonNode truth = truthAt(snap);
    long comments = truth.path("lifetime").path("comments").asLong();
    assertThat(snap.getCommentsCount()).isEqualTo(comments);
    if (truth.path("likes_hidden").asBoolean()) {
      // The owner hides like counts: the edge omits like_count, so only comments count.
      assertThat(snap.getLikeCount()).as("likes of %s", snap.getMediaId()).isNull();
      assertThat(snap.getMetrics()).isEqualTo(Map.of("comments", comments));
      assertThat(snap.getUnavailable())
          .extracting(UnavailableMetric::getMetric, UnavailableMetric::getReason)
          .contains(Tuple.tuple("likes", UnavailableReason.PERMISSION_DENIED));
      assertThat(snap.getEngagement()).isEqualTo(comments);
      return;
    }
    long likes = truth.path("lifetime").path("likes").asLong();
    assertThat(snap.getLikeCount()).as("likes of %s", snap.getMediaId()).isEqualTo(likes);
    assertThat(snap.getMetrics()).isEqualTo(Map.of("likes", likes, "comments", comments));
    assertThat(snap.getEngagement()).isEqualTo(likes + comments);
  }

  /** Waits for every snapshot the looks so far ask for; checks the new ones against the truth. */
  private List<MediaInsightSnapshot> awaitLook(TopicReader out, Setup s, List<Instant> lookedAt) {
    Map<String, Integer> expected = new HashMap<>();
    for (Media m : s.owned()) {
      expected.put(Long.toString(m.id()), ScheduleReplay.expected(m, lookedAt).size());
    }
    expected.put(
        Long.toString(s.tagged().id()),
        publicExpected(s.tagged(), lookedAt, Long.MAX_VALUE).size());
    expected.put(
        Long.toString(s.hashtagMedia().id()),
        publicExpected(s.hashtagMedia(), lookedAt, (s.hashtagMedia().createdSec() + 86_400) * 1000)
            .size());
    Predicate<List<MediaInsightSnapshot>> done =
        all -> {
          Map<String, List<MediaInsightSnapshot>> by = EnricherHarness.byMedia(all);
          return expected.entrySet().stream()
              .allMatch(e -> by.getOrDefault(e.getKey(), List.of()).size() >= e.getValue());
        };
    List<MediaInsightSnapshot> seen = harness.awaitSnapshots(out, done, WAIT);
    // The clock stands still: the truth now is the truth at the capture of this look.
    Instant now = lookedAt.get(lookedAt.size() - 1);
    for (MediaInsightSnapshot snap : seen) {
      if (snap.getCapturedAt().equals(now) && snap.getKind() == SnapshotKind.PUBLIC_COUNTERS) {
        truthNow.put(snap.getMediaId() + "@" + now, get("/_sim/truth/media/" + snap.getMediaId()));
      }
    }
    return seen;
  }

  private final Map<String, JsonNode> truthNow = new HashMap<>();

  private JsonNode truthAt(MediaInsightSnapshot snap) {
    JsonNode truth = truthNow.get(snap.getMediaId() + "@" + snap.getCapturedAt());
    assertThat(truth).as("truth read at %s", snap.getCapturedAt()).isNotNull();
    assertThat(truth.path("at").asText()).isEqualTo(snap.getCapturedAt().toString());
    return truth;
  }

  /** The captures the public cadence asks of a media at these looks, while an edge lists it. */
  private static List<Instant> publicExpected(Media m, List<Instant> lookedAt, long listedUntil) {
    long posted = m.createdSec() * 1000;
    List<Instant> out = new ArrayList<>();
    OptionalLong due = PUBLIC.firstDue(posted, null, false, lookedAt.get(0).toEpochMilli());
    for (Instant t : lookedAt) {
      long now = t.toEpochMilli();
      if (now >= listedUntil) {
        break;
      }
      if (due.isPresent() && due.getAsLong() <= now) {
        out.add(t);
        due = PUBLIC.nextDue(posted, null, false, now);
      }
    }
    return out;
  }

  /**
   * A followed account (its own young posts) with a media of another account it is tagged in, under
   * 30 days old, and a recent hashtag media (20 min to 4 h old) of a third account, none of them
   * handed out to another test (whose discoveries of them as owned media would take them off the
   * public path).
   */
  private Setup pick() {
    for (int attempt = 0; attempt < 48; attempt++) {
      Setup s = tryPick();
      if (s != null) {
        return s;
      }
      harness.advance(Duration.ofHours(1));
    }
    throw new AssertionError("no account with young posts, a young tagged media and hashtag media");
  }

  private Setup tryPick() {
    synchronized (Youngest.class) {
      long now = harness.sim().clock().nowEpochSecond();
      var world = harness.sim().world();
      for (int a = 0; a < Youngest.FIRST_RESERVED_ACCOUNT; a++) {
        if (Youngest.HANDED_OUT.contains(a)) {
          continue;
        }
        List<Media> owned = harness.youngPosts(a, 2, Duration.ofHours(5), null);
        if (owned.size() < 2) {
          continue;
        }
        Media tagged = youngTagged(a);
        if (tagged == null) {
          continue;
        }
        for (int tag = 0; tag < world.hashtags().size(); tag++) {
          for (long h : world.hashtagIndex().mediaBetween(tag, now - 4 * 3600, now - 1200)) {
            Media m = world.findMedia(h);
            if (m.account() != tagged.account() && usable(m.account(), a)) {
              // Only the followed account is taken: its other media must not reach this test's
              // enricher. The owners of the tagged and hashtag media need only be untaken so far
              // (no earlier test discovered their media as owned).
              Youngest.HANDED_OUT.add(a);
              return new Setup(a, owned, tagged, m, world.hashtags().name(tag));
            }
          }
        }
      }
      return null;
    }
  }

  private static boolean usable(int owner, int followed) {
    return owner != followed
        && owner < Youngest.FIRST_RESERVED_ACCOUNT
        && !Youngest.HANDED_OUT.contains(owner);
  }

  /**
   * A followed account the enricher holds no token for, whose id sorts before A's: the cheapest
   * reader by the tie-break, yet the media must be read through A.
   */
  private static String otherFollowedAccount(Setup s) {
    return "17000000000000001";
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(harness.sim().baseUrl() + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("GET " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static long delta(JsonNode before, JsonNode after, String endpoint) {
    return after.path("by_endpoint").path(endpoint).asLong(0)
        - before.path("by_endpoint").path(endpoint).asLong(0);
  }
}
