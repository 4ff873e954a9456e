package io.igpulse.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaTotals;
import io.igpulse.simulator.world.WorldSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashtagContractTest {

  private final ApiFixture fx =
      new ApiFixture(
          WorldSpec.of(9, 300),
          ApiSettings.defaults(new io.igpulse.simulator.api.auth.AppCredentials("1", "s", false)),
          List.of());
  private final Account me = fx.world.account(0);
  private final String user = Long.toString(me.igUserId());

  private JsonNode search(String q) {
    return ApiFixture.json(fx.get("/v24.0/ig_hashtag_search", me.token(), "user_id", user, "q", q));
  }

  @Test
  void shouldFindAHashtagIdAndListItAsRecentlySearched() {
    JsonNode found = search("#Sunset");

    assertThat(found.toString())
        .isEqualTo("{\"data\":[{\"id\":\"" + fx.world.hashtags().id(0) + "\"}]}");
    JsonNode recent =
        ApiFixture.json(
            fx.get(
                "/v24.0/" + user + "/recently_searched_hashtags", me.token(), "fields", "id,name"));
    assertThat(recent.toString())
        .isEqualTo(
            "{\"data\":[{\"id\":\"" + fx.world.hashtags().id(0) + "\",\"name\":\"sunset\"}]}");
  }

  @Test
  void shouldAllow30UniqueHashtagsPer7DaysWhereRepeatsCostNothing() {
    for (int i = 0; i < 30; i++) {
      assertThat(search(fx.world.hashtags().name(i)).get("data")).hasSize(1);
    }
    assertThat(search(fx.world.hashtags().name(5)).get("data")).hasSize(1);

    JsonNode error = search(fx.world.hashtags().name(30)).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(24);
    assertThat(error.get("error_subcode").asInt()).isEqualTo(2207051);

    fx.clock.advance(Duration.ofDays(7));
    assertThat(search(fx.world.hashtags().name(30)).get("data")).hasSize(1);
  }

  @Test
  void shouldPageRecentMediaWithTheSameAfterCursorOnEveryPageWithoutUsername() {
    int tag = 0;
    long now = fx.clock.nowEpochSecond();
    int expected = fx.world.hashtagIndex().mediaBetween(tag, now - 86_399L, now).length;
    String path = "/v24.0/" + fx.world.hashtags().id(tag) + "/recent_media";
    Set<String> ids = new HashSet<>();
    Set<String> cursors = new HashSet<>();
    JsonNode page =
        ApiFixture.json(fx.get(path, me.token(), "user_id", user, "fields", "id,username,caption"));
    int pages = 1;
    while (true) {
      page.get("data")
          .forEach(
              m -> {
                ids.add(m.get("id").asText());
                assertThat(m.has("username")).isFalse();
              });
      assertThat(page.get("data").size()).isLessThanOrEqualTo(50);
      cursors.add(page.get("paging").get("cursors").get("after").asText());
      if (!page.get("paging").has("next")) {
        break;
      }
      String after = page.get("paging").get("cursors").get("after").asText();
      page =
          ApiFixture.json(
              fx.get(
                  path,
                  me.token(),
                  "user_id",
                  user,
                  "fields",
                  "id,username,caption",
                  "after",
                  after));
      pages++;
    }

    assertThat(expected).isGreaterThan(50);
    assertThat(ids).hasSize(expected);
    assertThat(cursors).hasSize(1);
    assertThat(pages).isEqualTo((expected + 49) / 50);
  }

  @Test
  void shouldRequireUserIdOnHashtagEdges() {
    JsonNode error =
        ApiFixture.json(fx.get("/v24.0/" + fx.world.hashtags().id(1) + "/top_media", me.token()))
            .get("error");

    assertThat(error.get("message").asText()).isEqualTo("(#100) The parameter user_id is required");
  }

  @Test
  void shouldRankTopMediaByLikesAndComments() {
    JsonNode top =
        ApiFixture.json(
            fx.get(
                "/v24.0/" + fx.world.hashtags().id(0) + "/top_media",
                me.token(),
                "user_id",
                user,
                "fields",
                "id,like_count,comments_count"));

    assertThat(top.get("data").size()).isBetween(1, 50);
    long previous = Long.MAX_VALUE;
    int hidden = 0;
    for (JsonNode media : top.get("data")) {
      Media m = fx.world.findMedia(media.get("id").asLong());
      MediaTotals truth = fx.world.engagement().totals(m, fx.clock.nowEpochSecond());
      // Ranked by the true counts, even where the owner hides likes and like_count is left out.
      long score = truth.likes() + truth.comments();
      assertThat(score).isLessThanOrEqualTo(previous);
      previous = score;
      assertThat(media.has("like_count")).isEqualTo(!fx.world.likesHidden(m));
      hidden += fx.world.likesHidden(m) ? 1 : 0;
      assertThat(media.get("comments_count").asLong()).isEqualTo(truth.comments());
    }
    assertThat(hidden).as("some top media hide their likes in this world").isPositive();
  }
}
