package io.igpulse.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaKind;
import io.igpulse.simulator.world.MediaTotals;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaInsightsContractTest {

  private final ApiFixture fx = new ApiFixture(42, 60);

  private Media oldFeedImage() {
    return fx.findPost(
        m ->
            m.kind() == MediaKind.IMAGE
                && m.createdSec() < MediaMetricRules.IMPRESSIONS_CUTOFF_SEC
                && fx.postBusiness(m));
  }

  @Test
  void shouldAnswerImpressionsInTheTutorialShapeOnV21ForMediaBeforeJuly2024() {
    Media media = oldFeedImage();
    MediaTotals truth = fx.world.engagement().totals(media, fx.clock.nowEpochSecond());

    GraphResponse response =
        fx.get(
            "/v21.0/" + media.id() + "/insights",
            fx.token(media.account()),
            "metric",
            "impressions,reach");

    assertThat(response.status()).isEqualTo(200);
    JsonNode data = ApiFixture.json(response).get("data");
    assertThat(data).hasSize(2);
    JsonNode impressions = data.get(0);
    assertThat(fieldNames(impressions))
        .containsExactly("name", "period", "values", "title", "description", "id");
    assertThat(impressions.get("name").asText()).isEqualTo("impressions");
    assertThat(impressions.get("period").asText()).isEqualTo("lifetime");
    assertThat(impressions.get("values").toString())
        .isEqualTo("[{\"value\":" + truth.views() + "}]");
    assertThat(impressions.get("title").asText()).isEqualTo("Impressions");
    assertThat(impressions.get("description").asText())
        .isEqualTo("Total number of times the media object has been seen");
    assertThat(impressions.get("id").asText())
        .isEqualTo(media.id() + "/insights/impressions/lifetime");
    assertThat(data.get(1).get("values").get(0).get("value").asLong()).isEqualTo(truth.reach());
  }

  @Test
  void shouldRejectImpressionsFromV22OnWithCode100ForTheWholeRequest() {
    Media media = oldFeedImage();

    GraphResponse response =
        fx.get(
            "/v22.0/" + media.id() + "/insights",
            fx.token(media.account()),
            "metric",
            "reach,impressions");

    assertThat(response.status()).isEqualTo(400);
    JsonNode error = ApiFixture.json(response).get("error");
    assertThat(fieldNames(error)).containsExactly("message", "type", "code", "fbtrace_id");
    assertThat(error.get("message").asText())
        .isEqualTo(
            "(#100) Starting from version 22 and above, the impressions metric is no longer"
                + " supported. Please use the views metric instead.");
    assertThat(error.get("type").asText()).isEqualTo("OAuthException");
    assertThat(error.get("code").asInt()).isEqualTo(100);
    assertThat(error.get("fbtrace_id").asText()).hasSize(16);
  }

  @Test
  void shouldRejectImpressionsOnV21ForMediaCreatedAfterJune2024() {
    Media media =
        fx.findPost(
            m ->
                m.kind() == MediaKind.IMAGE
                    && m.createdSec() >= MediaMetricRules.IMPRESSIONS_CUTOFF_SEC
                    && fx.postBusiness(m)
                    && fx.clock.nowEpochSecond() - m.createdSec() > 3600);

    JsonNode error =
        ApiFixture.json(
                fx.get(
                    "/v21.0/" + media.id() + "/insights",
                    fx.token(media.account()),
                    "metric",
                    "impressions"))
            .get("error");

    assertThat(error.get("code").asInt()).isEqualTo(100);
    assertThat(error.get("message").asText()).contains("the impressions metric");
  }

  @Test
  void shouldRejectRetiredV18MetricsOnEveryVersion() {
    Media media = fx.findPost(m -> m.kind() == MediaKind.CAROUSEL && fx.postBusiness(m));
    for (String version : List.of("v18.0", "v21.0", "v24.0")) {
      for (String metric : List.of("engagement", "carousel_album_reach", "exits")) {
        JsonNode error =
            ApiFixture.json(
                    fx.get(
                        "/" + version + "/" + media.id() + "/insights",
                        fx.token(media.account()),
                        "metric",
                        "reach," + metric))
                .get("error");
        assertThat(error.get("message").asText())
            .isEqualTo(
                "(#100) The Media Insights API does not support the "
                    + metric
                    + " metric for this media product type.");
      }
    }
  }

  @Test
  void shouldRejectViewsOnLegacyFeedVideoButServeItOnReels() {
    Media video = fx.findPost(m -> m.kind() == MediaKind.FEED_VIDEO && fx.postBusiness(m));
    Media reel =
        fx.findPost(
            m ->
                m.kind() == MediaKind.REELS
                    && fx.postBusiness(m)
                    && fx.clock.nowEpochSecond() - m.createdSec() > 3600);

    JsonNode videoError =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + video.id() + "/insights",
                    fx.token(video.account()),
                    "metric",
                    "views"))
            .get("error");
    JsonNode reelData =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + reel.id() + "/insights",
                    fx.token(reel.account()),
                    "metric",
                    "views,ig_reels_avg_watch_time,reels_skip_rate"))
            .get("data");

    assertThat(videoError.get("message").asText()).contains("the views metric");
    assertThat(reelData).hasSize(3);
    MediaTotals truth = fx.world.engagement().totals(reel, fx.clock.nowEpochSecond());
    assertThat(reelData.get(0).get("values").get(0).get("value").asLong()).isEqualTo(truth.views());
    assertThat(reelData.get(1).get("values").get(0).get("value").asLong())
        .isEqualTo(truth.avgWatchTimeMs());
    assertThat(reelData.get(2).get("values").get(0).get("value").asDouble())
        .isEqualTo(truth.skipRatePercent());
  }

  @Test
  void shouldRejectViewsBeforeV22() {
    Media media = fx.findPost(m -> m.kind() == MediaKind.IMAGE && fx.postBusiness(m));

    JsonNode error =
        ApiFixture.json(
                fx.get(
                    "/v21.0/" + media.id() + "/insights",
                    fx.token(media.account()),
                    "metric",
                    "views"))
            .get("error");

    assertThat(error.get("code").asInt()).isEqualTo(100);
  }

  @Test
  void shouldFailPreBusinessMediaWith2108006AsTheFixtureShows() {
    Media media = fx.findPost(m -> !fx.postBusiness(m));

    GraphResponse response =
        fx.get("/v24.0/" + media.id() + "/insights", fx.token(media.account()), "metric", "reach");

    assertThat(response.status()).isEqualTo(400);
    JsonNode error = ApiFixture.json(response).get("error");
    assertThat(fieldNames(error))
        .containsExactly(
            "message",
            "type",
            "code",
            "error_subcode",
            "is_transient",
            "error_user_title",
            "error_user_msg",
            "fbtrace_id");
    assertThat(error.get("message").asText()).isEqualTo("Invalid parameter");
    assertThat(error.get("code").asInt()).isEqualTo(100);
    assertThat(error.get("error_subcode").asInt()).isEqualTo(2108006);
    assertThat(error.get("is_transient").asBoolean()).isFalse();
    assertThat(error.get("error_user_title").asText())
        .isEqualTo("Media posted before business account conversion");
    assertThat(error.get("error_user_msg").asText())
        .isEqualTo(
            "The media was posted before the most recent time that the user's account was converted to a business account from a personal account.");
  }

  @Test
  void shouldAnswerEmptyDataForBrandNewMedia() {
    int account = 0;
    int firstFuture = fx.world.schedule(account).postsVisibleAt(fx.clock.nowEpochSecond());
    Media fresh = fx.world.post(account, firstFuture);
    fx.clock.set(java.time.Instant.ofEpochSecond(fresh.createdSec() + 120));

    GraphResponse response =
        fx.get(
            "/v24.0/" + fresh.id() + "/insights",
            fx.token(fresh.account()),
            "metric",
            "reach,likes");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"data\":[]}");
  }

  @Test
  void shouldRefuseStoryInsightsUnderFiveViewersWithCode10() {
    Media story =
        fx.findStory(
            s ->
                fx.postBusiness(s)
                    && fx.clock.nowEpochSecond() - s.createdSec() > 600
                    && fx.world.engagement().totals(s, fx.clock.nowEpochSecond()).reach() < 5);

    JsonNode error =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + story.id() + "/insights",
                    fx.token(story.account()),
                    "metric",
                    "reach"))
            .get("error");

    assertThat(error.get("code").asInt()).isEqualTo(10);
    assertThat(error.get("message").asText())
        .isEqualTo("(#10) Not enough viewers for the media to show insights");
  }

  @Test
  void shouldServeStoryNavigationWithItsBreakdown() {
    Media story =
        fx.findStory(
            s ->
                fx.postBusiness(s)
                    && fx.clock.nowEpochSecond() - s.createdSec() > 600
                    && fx.world.engagement().totals(s, fx.clock.nowEpochSecond()).reach() >= 5);
    MediaTotals truth = fx.world.engagement().totals(story, fx.clock.nowEpochSecond());

    JsonNode entry =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + story.id() + "/insights",
                    fx.token(story.account()),
                    "metric",
                    "navigation",
                    "breakdown",
                    "story_navigation_action_type"))
            .get("data")
            .get(0);

    assertThat(entry.get("values").get(0).get("value").asLong()).isEqualTo(truth.navigation());
    JsonNode results = entry.get("total_value").get("breakdowns").get(0).get("results");
    assertThat(results.get(0).toString())
        .isEqualTo(
            "{\"dimension_values\":[\"tap_forward\"],\"value\":" + truth.tapsForward() + "}");
    assertThat(results).hasSize(4);
  }

  @Test
  void shouldAnswerExpiredStoriesAsObjectsThatDoNotExist() {
    Media story = fx.findStory(s -> true);
    fx.clock.advance(java.time.Duration.ofHours(25));

    JsonNode error =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + story.id() + "/insights",
                    fx.token(story.account()),
                    "metric",
                    "reach"))
            .get("error");

    assertThat(error.get("code").asInt()).isEqualTo(100);
    assertThat(error.get("error_subcode").asInt()).isEqualTo(33);
    assertThat(error.get("type").asText()).isEqualTo("GraphMethodException");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
