package io.igpulse.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaKind;
import io.igpulse.simulator.world.MediaTotals;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnershipContractTest {

  private static final String NOT_YOURS =
      "{\"message\":\"Unsupported get request. Object with ID '%s' does not exist, cannot be loaded"
          + " due to missing permissions, or does not support this operation. Please read the"
          + " Graph API documentation at https://developers.facebook.com/docs/graph-api\","
          + "\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33,"
          + "\"fbtrace_id\":\"%s\"}";

  private final ApiFixture fx = new ApiFixture(42, 40);

  @Test
  void shouldRefuseEveryDirectReadOfAnotherAccountsMediaAndCountIt() {
    Media carousel = fx.findPost(m -> m.kind() == MediaKind.CAROUSEL && m.account() != 1);
    String child = Long.toString(Ids.child(carousel.id(), 0));
    String other = fx.token(1);

    GraphResponse fields = fx.get("/v24.0/" + carousel.id(), other, "fields", "id,like_count");
    GraphResponse insights =
        fx.get("/v24.0/" + carousel.id() + "/insights", other, "metric", "reach");
    GraphResponse children = fx.get("/v24.0/" + carousel.id() + "/children", other);
    GraphResponse childRead = fx.get("/v24.0/" + child, other);

    assertThat(fields.status()).isEqualTo(400);
    assertRefused(fields, Long.toString(carousel.id()));
    assertRefused(insights, Long.toString(carousel.id()));
    assertRefused(children, Long.toString(carousel.id()));
    assertRefused(childRead, child);
    assertThat(fx.stats.nonOwnerReads()).isEqualTo(4);
    JsonNode stats = fx.stats.toJson();
    assertThat(stats.get("non_owner_reads").asLong()).isEqualTo(4);
    assertThat(stats.get("non_owner_reads_by_endpoint").toString())
        .isEqualTo("{\"media\":2,\"media_children\":1,\"media_insights\":1}");
    assertThat(stats.get("errors").get("100/33").asLong()).isEqualTo(4);
  }

  @Test
  void shouldLetTheOwnersPageTokenAndTheSystemUserReadAndNoOtherUserToken() {
    Media post = fx.findPost(m -> m.account() == 3);
    String path = "/v24.0/" + post.id();

    assertThat(fx.get(path, fx.token(3), "fields", "id").status()).isEqualTo(200);
    assertThat(fx.get(path, fx.tokens.systemUserToken(), "fields", "id").status()).isEqualTo(200);
    assertThat(fx.stats.nonOwnerReads()).isZero();

    GraphResponse noPages = fx.get(path, fx.tokens.userTokenWithoutBusinessManagement());

    assertRefused(noPages, Long.toString(post.id()));
    assertThat(fx.stats.nonOwnerReads()).isEqualTo(1);
  }

  @Test
  void shouldRefuseListingAnotherAccountsMediaAndStories() {
    Account owner = fx.world.account(5);

    assertRefused(
        fx.get("/v24.0/" + owner.igUserId() + "/media", fx.token(6)),
        Long.toString(owner.igUserId()));
    assertRefused(
        fx.get("/v24.0/" + owner.igUserId() + "/stories", fx.token(6)),
        Long.toString(owner.igUserId()));
    assertThat(fx.get("/v24.0/" + owner.igUserId() + "/media", owner.token()).status())
        .isEqualTo(200);
    assertThat(fx.stats.toJson().get("non_owner_reads_by_endpoint").toString())
        .isEqualTo("{\"user_media\":1,\"user_stories\":1}");
  }

  @Test
  void shouldRefuseNonOwnerItemsOfABatchAndOfAnIdsReadEachOnItsOwn() {
    Media mine = fx.findPost(m -> m.account() == 2);
    Media theirs = fx.findPost(m -> m.account() == 4);
    String batch =
        "[{\"method\":\"GET\",\"relative_url\":\""
            + mine.id()
            + "?fields=id\"},{\"method\":\"GET\",\"relative_url\":\""
            + theirs.id()
            + "/insights?metric=reach\"}]";
    Map<String, String> params = new LinkedHashMap<>();
    params.put("access_token", fx.token(2));
    params.put("batch", batch);

    JsonNode items = ApiFixture.json(fx.api.handle("POST", "/v24.0/", params, null));
    GraphResponse ids = fx.get("/v24.0/", fx.token(2), "ids", mine.id() + "," + theirs.id());

    assertThat(items.get(0).get("code").asInt()).isEqualTo(200);
    assertThat(items.get(1).get("code").asInt()).isEqualTo(400);
    JsonNode itemError = Json.parse(items.get(1).get("body").asText()).get("error");
    assertThat(itemError.get("error_subcode").asInt()).isEqualTo(33);
    assertRefused(ids, Long.toString(theirs.id()));
    assertThat(fx.stats.toJson().get("non_owner_reads_by_endpoint").toString())
        .isEqualTo("{\"media\":1,\"media_insights\":1}");
  }

  @Test
  void shouldServeTaggedMediaWithPublicFieldsOnlyAndLeaveOutHiddenLikes() {
    fx.clock.advance(Duration.ofDays(14));
    long now = fx.clock.nowEpochSecond();
    int hidden = 0;
    int shown = 0;
    for (int a = 0; a < fx.world.accountCount(); a++) {
      Account account = fx.world.account(a);
      JsonNode tags =
          ApiFixture.json(
              fx.get(
                  "/v24.0/" + account.igUserId() + "/tags",
                  account.token(),
                  "fields",
                  "id,like_count,comments_count,username,owner,shortcode,is_comment_enabled"));
      for (JsonNode item : tags.get("data")) {
        Media media = fx.world.findMedia(item.get("id").asLong());
        MediaTotals truth = fx.world.engagement().totals(media, now);
        boolean likesHidden = fx.world.likesHidden(media);
        assertThat(item.has("like_count")).isEqualTo(!likesHidden);
        if (!likesHidden) {
          assertThat(item.get("like_count").asLong()).isEqualTo(truth.likes());
        }
        assertThat(item.get("comments_count").asLong()).isEqualTo(truth.comments());
        assertThat(item.get("username").asText())
            .isEqualTo(fx.world.account(media.account()).username());
        assertThat(item.has("owner") || item.has("shortcode") || item.has("is_comment_enabled"))
            .isFalse();
        hidden += likesHidden ? 1 : 0;
        shown += likesHidden ? 0 : 1;
      }
    }
    assertThat(hidden).isPositive();
    assertThat(shown).isGreaterThan(hidden);
    assertThat(fx.stats.nonOwnerReads()).isZero();
  }

  @Test
  void shouldShowTheOwnerItsTrueLikeCountEvenWhenHidden() {
    Media media = fx.findPost(m -> fx.world.likesHidden(m));
    long likes = fx.world.engagement().totals(media, fx.clock.nowEpochSecond()).likes();

    JsonNode direct =
        ApiFixture.json(
            fx.get("/v24.0/" + media.id(), fx.token(media.account()), "fields", "like_count"));

    assertThat(direct.get("like_count").asLong()).isEqualTo(likes);
  }

  @Test
  void shouldRefuseInsightsNestedOnTagsMentionsAndHashtagMedia() {
    fx.clock.advance(Duration.ofDays(14));
    Account account = fx.world.account(0);
    long tagged = taggedMedia(account);
    int tag = 0; // the most used hashtag: it has media in the last 7 days

    GraphResponse tags =
        fx.get(
            "/v24.0/" + account.igUserId() + "/tags",
            account.token(),
            "fields",
            "id,insights.metric(reach)");
    GraphResponse mention =
        fx.get(
            "/v24.0/" + account.igUserId(),
            account.token(),
            "fields",
            "mentioned_media.media_id(" + tagged + "){id,insights.metric(reach)}");
    GraphResponse top =
        fx.get(
            "/v24.0/" + fx.world.hashtags().id(tag) + "/top_media",
            account.token(),
            "user_id",
            Long.toString(account.igUserId()),
            "fields",
            "id,insights.metric(reach)");

    assertThat(ApiFixture.json(tags).get("error").get("error_subcode").asInt()).isEqualTo(33);
    assertRefused(mention, Long.toString(tagged));
    assertThat(ApiFixture.json(top).get("error").get("error_subcode").asInt()).isEqualTo(33);
    assertThat(fx.stats.toJson().get("non_owner_reads_by_endpoint").toString())
        .isEqualTo("{\"hashtag_top_media\":1,\"user\":1,\"user_tags\":1}");
  }

  private long taggedMedia(Account account) {
    JsonNode tags =
        ApiFixture.json(
            fx.get("/v24.0/" + account.igUserId() + "/tags", account.token(), "fields", "id"));
    return tags.get("data").get(0).get("id").asLong();
  }

  private static void assertRefused(GraphResponse response, String id) {
    assertThat(response.status()).isEqualTo(400);
    JsonNode error = ApiFixture.json(response).get("error");
    assertThat(error.toString())
        .isEqualTo(NOT_YOURS.formatted(id, error.get("fbtrace_id").asText()));
  }
}
