package io.igpulse.graphapi;

import static io.igpulse.graphapi.ClientFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.graphapi.model.AccountInsight;
import io.igpulse.graphapi.model.AccountInsightsQuery;
import io.igpulse.graphapi.model.IgAccount;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.model.MediaKind;
import io.igpulse.graphapi.model.PageAccount;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.simulator.WithSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed calls against the shared simulator over HTTP, checked against its ground truth. */
@WithSimulator
class GraphClientIT {

  private static final int ACCOUNT = 3;
  private static SimControl sim;
  private static ClientFixture fixture;
  private static GraphClient client;
  private static AccessToken token;
  private static String ig;

  @BeforeAll
  static void connect(Simulator simulator) {
    sim = new SimControl(simulator.baseUrl());
    fixture = new ClientFixture(simulator.baseUrl());
    client = fixture.client;
    JsonNode account = sim.account(ACCOUNT);
    token = AccessToken.of(account.path("token").asText());
    ig = account.path("ig_user_id").asText();
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void shouldDiscoverEveryPageAndItsInstagramAccount() {
    JsonNode world = sim.world();
    AccessToken systemUser = AccessToken.of(world.path("system_user_token").asText());
    List<PageAccount> pages = await(client.pages(systemUser)).value();
    assertThat(pages).hasSize(world.path("accounts").size());
    assertThat(pages.get(ACCOUNT).igUserId()).contains(ig);
    AccessToken noBusiness =
        AccessToken.of(world.path("user_token_without_business_management").asText());
    assertThat(await(client.pages(noBusiness)).value()).isEmpty();
  }

  @Test
  void shouldReadAccountFieldsAsTheWorldHasThem() {
    IgAccount account = await(client.account(token, ig)).value();
    JsonNode truth = sim.account(ACCOUNT);
    assertThat(account.username()).isEqualTo(truth.path("username").asText());
    assertThat(account.followersCount()).isEqualTo(truth.path("followers_count").asLong());
  }

  @Test
  void shouldListMediaNewestFirstByFollowingNextUntilItIsAbsent() {
    long before = sim.callsTo("user_media");
    List<Media> media = await(client.media(token, ig, Integer.MAX_VALUE)).value();
    long pages = sim.callsTo("user_media") - before;
    assertThat(media.size()).isGreaterThan(50);
    assertThat(new HashSet<>(media.stream().map(Media::id).toList())).hasSize(media.size());
    assertThat(pages).isEqualTo((media.size() + 49) / 50);
    for (int i = 1; i < media.size(); i++) {
      assertThat(media.get(i).timestamp()).isLessThanOrEqualTo(media.get(i - 1).timestamp());
    }
  }

  @Test
  void shouldReadMediaInsightsEqualToTheGroundTruth() {
    Media media = settledMedia(5).get(0);
    MediaInsights insights =
        await(client.mediaInsights(token, ig, media.id(), media.kind())).value();
    JsonNode truth = sim.truth(media.id()).path("lifetime");
    assertThat(insights.values().get("reach")).isEqualTo(truth.path("reach").asLong());
    assertThat(insights.values().get("likes")).isEqualTo(truth.path("likes").asLong());
    assertThat(insights.values().get("total_interactions"))
        .isEqualTo(truth.path("total_interactions").asLong());
  }

  @Test
  void shouldRefreshEveryMediaWithNestedInsightsInOneRequestPerFifty() {
    int total = await(client.media(token, ig, Integer.MAX_VALUE)).value().size();
    long before = sim.callsTo("user_media");
    List<Media> media = await(client.mediaWithInsights(token, ig, Integer.MAX_VALUE)).value();
    assertThat(sim.callsTo("user_media") - before).isEqualTo((total + 49) / 50);
    assertThat(media).hasSize(total);
    Media sample =
        media.stream()
            .filter(m -> m.insights().map(i -> !i.values().isEmpty()).orElse(false))
            .skip(7)
            .findFirst()
            .orElseThrow();
    assertThat(sample.insights().get().values().get("reach"))
        .isEqualTo(sim.truth(sample.id()).path("lifetime").path("reach").asLong());
  }

  @Test
  void shouldReadKindSpecificInsightsOfManyMediaInBatchesOfFifty() {
    List<Media> media = settledMedia(200);
    assertThat(media.size()).isGreaterThan(50);
    long before = sim.callsTo("batch");
    Map<String, GraphResult<MediaInsights>> results =
        await(client.mediaInsightsBatch(token, ig, media));
    assertThat(sim.callsTo("batch") - before).isEqualTo((media.size() + 49) / 50);
    assertThat(results).hasSize(media.size());
    assertThat(results.values()).allMatch(GraphResult::isSuccess);
    Media reel =
        media.stream().filter(m -> m.kind() == MediaKind.REELS).findFirst().orElse(media.get(0));
    MediaInsights insights = results.get(reel.id()).value();
    assertThat(insights.values().get("reach"))
        .isEqualTo(sim.truth(reel.id()).path("lifetime").path("reach").asLong());
  }

  @Test
  void shouldSkipAStoryUnderFiveViewersAndReadTheOthers() {
    int seenLow = 0;
    int seenRead = 0;
    for (int a = 0; a < 20 && (seenLow == 0 || seenRead == 0); a++) {
      JsonNode account = sim.account(a);
      AccessToken t = AccessToken.of(account.path("token").asText());
      String user = account.path("ig_user_id").asText();
      for (Media story : await(client.stories(t, user)).value()) {
        long reach = sim.truth(story.id()).path("lifetime").path("reach").asLong();
        GraphResult<MediaInsights> r =
            await(client.mediaInsights(t, user, story.id(), MediaKind.STORY));
        if (reach < 5) {
          assertThat(r.error()).isInstanceOf(GraphError.NotEnoughViewers.class);
          seenLow++;
        } else if (r.isSuccess() && !r.value().values().isEmpty()) {
          assertThat(r.value().values().get("reach")).isEqualTo(reach);
          seenRead++;
        }
      }
    }
    assertThat(seenLow).isPositive();
    assertThat(seenRead).isPositive();
  }

  @Test
  void shouldSkipMediaPostedBeforeTheBusinessConversion() {
    int skipped = 0;
    for (int a = 0; a < 50 && skipped == 0; a++) {
      JsonNode account = sim.account(a);
      Instant since = Instant.parse(account.path("business_since").asText());
      AccessToken t = AccessToken.of(account.path("token").asText());
      String user = account.path("ig_user_id").asText();
      for (Media old : await(client.media(t, user, Integer.MAX_VALUE)).value()) {
        if (parse(old.timestamp()).isBefore(since)) {
          GraphResult<MediaInsights> r = await(client.mediaInsights(t, user, old.id(), old.kind()));
          assertThat(r.error()).isInstanceOf(GraphError.Skip.class);
          skipped++;
          break;
        }
      }
    }
    assertThat(skipped).isEqualTo(1);
  }

  @Test
  void shouldCallAMissingObjectGoneAfterOneRetry() {
    long before = sim.calls();
    GraphResult<MediaInsights> r =
        await(client.mediaInsights(token, ig, "17999999999999999", MediaKind.FEED_IMAGE));
    assertThat(r.error()).isInstanceOf(GraphError.Gone.class);
    assertThat(sim.calls() - before).isEqualTo(2);
  }

  @Test
  void shouldReadAccountInsightsInBothShapesAndWindowsBackwards() {
    Instant now = sim.now();
    long before = sim.callsTo("user_insights");
    AccountInsightsQuery reach =
        new AccountInsightsQuery(
            List.of("reach"), "day", "time_series", null, now.minus(Duration.ofDays(60)), now);
    List<AccountInsight> series = await(client.accountInsights(token, ig, reach)).value();
    assertThat(sim.callsTo("user_insights") - before).isEqualTo(2);
    assertThat(series).allMatch(i -> i.name().equals("reach"));
    assertThat(series.stream().mapToInt(i -> i.series().size()).sum()).isBetween(58, 61);

    AccountInsightsQuery demographics =
        new AccountInsightsQuery(
            List.of("follower_demographics"), "lifetime", "total_value", "city", null, null);
    AccountInsight cities = await(client.accountInsights(token, ig, demographics)).value().get(0);
    assertThat(cities.breakdowns()).isNotEmpty().allMatch(b -> b.keys().equals(List.of("city")));
  }

  @Test
  void shouldSearchAHashtagWithinTheBudgetAndStopOnTheRepeatingCursor() {
    JsonNode tag = sim.world().path("hashtags").get(0);
    String user = sim.account(ACCOUNT + 1).path("ig_user_id").asText();
    AccessToken t = AccessToken.of(sim.account(ACCOUNT + 1).path("token").asText());
    String id = await(client.hashtagId(t, user, tag.path("name").asText())).value();
    assertThat(id).isEqualTo(tag.path("id").asText());
    assertThat(client.hashtagSearchesLeft(user)).isEqualTo(29);
    List<Media> recent = await(client.hashtagMedia(t, user, id, true, 10_000)).value();
    assertThat(new HashSet<>(recent.stream().map(Media::id).toList())).hasSize(recent.size());
    List<String> searched = await(client.recentlySearchedHashtags(t, user)).value();
    assertThat(searched).contains(tag.path("name").asText());
    assertThat(client.hashtagSearchesLeft(user)).isEqualTo(29);
  }

  @Test
  void shouldReadTagsAndAMentionedMedia() {
    GraphResult<List<Media>> tags = await(client.tags(token, ig, 100));
    assertThat(tags.isSuccess()).isTrue();
    if (!tags.value().isEmpty()) {
      Media tagged = tags.value().get(0);
      Media mentioned = await(client.mentionedMedia(token, ig, tagged.id())).value();
      assertThat(mentioned.id()).isEqualTo(tagged.id());
    }
  }

  @Test
  void shouldBatchTheInsightsOfListingPagesThatCrossTheBusinessConversion() {
    for (int a = 0; a < 50; a++) {
      JsonNode account = sim.account(a);
      Instant since = Instant.parse(account.path("business_since").asText());
      AccessToken t = AccessToken.of(account.path("token").asText());
      String user = account.path("ig_user_id").asText();
      List<Media> plain = await(client.media(t, user, Integer.MAX_VALUE)).value();
      if (plain.stream().noneMatch(m -> parse(m.timestamp()).isBefore(since))) {
        continue;
      }
      List<Media> media = await(client.mediaWithInsights(t, user, Integer.MAX_VALUE)).value();
      assertThat(media).hasSize(plain.size());
      Instant settled = sim.now().minus(Duration.ofHours(1));
      for (Media m : media) {
        Instant at = parse(m.timestamp());
        if (at.isBefore(since)) {
          assertThat(m.insights()).as("pre-business media %s", m.id()).isEmpty();
        } else if (at.isBefore(settled)) {
          assertThat(m.insights().orElseThrow().values().get("reach"))
              .isEqualTo(sim.truth(m.id()).path("lifetime").path("reach").asLong());
        }
      }
      return;
    }
    throw new AssertionError("no account has media from before its business conversion");
  }

  @Test
  void shouldReadStoryNavigationByActionAsTheSuccessorOfTapsAndExits() {
    for (int a = 0; a < 20; a++) {
      JsonNode account = sim.account(a);
      AccessToken t = AccessToken.of(account.path("token").asText());
      String user = account.path("ig_user_id").asText();
      for (Media story : await(client.stories(t, user)).value()) {
        JsonNode truth = sim.truth(story.id()).path("lifetime");
        if (truth.path("reach").asLong() < 5) {
          continue;
        }
        Map<String, Long> navigation = await(client.storyNavigation(t, user, story.id())).value();
        assertThat(navigation.keySet())
            .isSubsetOf("tap_forward", "tap_back", "tap_exit", "swipe_forward");
        assertThat(navigation.values().stream().mapToLong(Long::longValue).sum())
            .isEqualTo(truth.path("navigation").asLong());
        return;
      }
    }
    throw new AssertionError("no live story with 5 viewers or more");
  }

  /** Feed media old enough to have insights (the API answers nothing for 10 minutes). */
  private static List<Media> settledMedia(int n) {
    Instant now = sim.now();
    return await(client.media(token, ig, Integer.MAX_VALUE)).value().stream()
        .filter(m -> parse(m.timestamp()).isBefore(now.minus(Duration.ofHours(1))))
        .limit(n)
        .toList();
  }

  static Instant parse(String graphTimestamp) {
    return java.time.OffsetDateTime.parse(
            graphTimestamp, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"))
        .toInstant();
  }
}
