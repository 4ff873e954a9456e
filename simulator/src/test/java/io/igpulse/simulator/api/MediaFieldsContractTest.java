package io.igpulse.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaKind;
import org.junit.jupiter.api.Test;

class MediaFieldsContractTest {

  private final ApiFixture fx = new ApiFixture(42, 80);

  private JsonNode fields(Media media, String fields) {
    return ApiFixture.json(
        fx.get("/v24.0/" + media.id(), fx.token(media.account()), "fields", fields));
  }

  @Test
  void shouldLeaveMediaUrlOutForCopyrightedMedia() {
    Media copyrighted = fx.findPost(Media::copyrighted);
    Media free = fx.findPost(m -> !m.copyrighted() && m.kind() == MediaKind.IMAGE);

    assertThat(fields(copyrighted, "id,media_url").has("media_url")).isFalse();
    assertThat(fields(free, "id,media_url").get("media_url").asText())
        .endsWith(free.id() + "_n.jpg");
  }

  @Test
  void shouldGiveThumbnailsToVideosOnly() {
    Media reel = fx.findPost(m -> m.kind() == MediaKind.REELS);
    Media image = fx.findPost(m -> m.kind() == MediaKind.IMAGE);

    JsonNode reelNode =
        fields(reel, "media_type,media_product_type,thumbnail_url,permalink,is_shared_to_feed");
    assertThat(reelNode.get("media_type").asText()).isEqualTo("VIDEO");
    assertThat(reelNode.get("media_product_type").asText()).isEqualTo("REELS");
    assertThat(reelNode.get("thumbnail_url").asText()).endsWith("_thumb.jpg");
    assertThat(reelNode.get("permalink").asText())
        .isEqualTo("https://www.instagram.com/reel/" + reel.shortcode() + "/");
    assertThat(reelNode.has("is_shared_to_feed")).isTrue();
    assertThat(fields(image, "thumbnail_url,is_shared_to_feed").toString())
        .isEqualTo("{\"id\":\"" + image.id() + "\"}");
  }

  @Test
  void shouldRefuseInsightsOnCarouselChildren() {
    Media carousel = fx.findPost(m -> m.kind() == MediaKind.CAROUSEL && fx.postBusiness(m));
    long child = Ids.child(carousel.id(), 0);

    JsonNode childNode =
        ApiFixture.json(
            fx.get("/v24.0/" + child, fx.token(carousel.account()), "fields", "id,media_type"));
    JsonNode error =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + child + "/insights",
                    fx.token(carousel.account()),
                    "metric",
                    "reach"))
            .get("error");
    JsonNode missing =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + Ids.child(carousel.id(), carousel.childCount()),
                    fx.token(carousel.account())))
            .get("error");

    assertThat(childNode.get("id").asText()).isEqualTo(Long.toString(child));
    assertThat(error.get("code").asInt()).isEqualTo(100);
    assertThat(missing.get("error_subcode").asInt()).isEqualTo(33);
  }

  @Test
  void shouldAnswerZeroRepliesForEuAndJapaneseAudiences() {
    Media quiet =
        fx.findStory(
            s ->
                fx.world.account(s.account()).quietReplies()
                    && fx.postBusiness(s)
                    && fx.clock.nowEpochSecond() - s.createdSec() > 600
                    && fx.world.engagement().totals(s, fx.clock.nowEpochSecond()).reach() >= 100);

    JsonNode data =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + quiet.id() + "/insights",
                    fx.token(quiet.account()),
                    "metric",
                    "reach,replies"))
            .get("data");

    assertThat(data.get(0).get("values").get(0).get("value").asLong()).isGreaterThanOrEqualTo(100);
    assertThat(data.get(1).get("values").get(0).get("value").asLong()).isZero();
  }

  @Test
  void shouldServeTheStoryMetricSetAndRejectFeedOnlyMetricsOnStories() {
    Media story =
        fx.findStory(
            s ->
                fx.postBusiness(s)
                    && fx.clock.nowEpochSecond() - s.createdSec() > 600
                    && fx.world.engagement().totals(s, fx.clock.nowEpochSecond()).reach() >= 5);

    JsonNode data =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + story.id() + "/insights",
                    fx.token(story.account()),
                    "metric",
                    "reach,views,shares,total_interactions,reposts,profile_visits,follows,navigation,replies"))
            .get("data");
    JsonNode likes =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + story.id() + "/insights",
                    fx.token(story.account()),
                    "metric",
                    "likes"))
            .get("error");

    assertThat(data).hasSize(9);
    assertThat(likes.get("message").asText()).contains("the likes metric");
  }
}
