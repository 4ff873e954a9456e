package io.igpulse.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryContractTest {

  private final ApiFixture fx = new ApiFixture(11, 30);

  @Test
  void shouldListPagesWithTheirInstagramAccountForASystemUser() {
    JsonNode page =
        ApiFixture.json(
            fx.get(
                "/v24.0/me/accounts",
                fx.tokens.systemUserToken(),
                "fields",
                "id,name,instagram_business_account",
                "limit",
                "2"));

    Account first = fx.world.account(0);
    assertThat(page.get("data").get(0).toString())
        .isEqualTo(
            "{\"id\":\""
                + first.pageId()
                + "\",\"name\":\""
                + first.pageName()
                + "\",\"instagram_business_account\":{\"id\":\""
                + first.igUserId()
                + "\"}}");
    assertThat(page.get("data")).hasSize(2);
    assertThat(page.get("paging").get("next").asText())
        .startsWith(ApiFixture.BASE + "/v24.0/me/accounts?");
  }

  @Test
  void shouldSilentlyAnswerEmptyAccountsWithoutBusinessManagement() {
    GraphResponse response =
        fx.get("/v24.0/me/accounts", fx.tokens.userTokenWithoutBusinessManagement());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"data\":[]}");
  }

  @Test
  void shouldAnswerUserFieldsInTheRequestedOrder() {
    Account a = fx.world.account(3);
    long now = fx.clock.nowEpochSecond();

    GraphResponse response =
        fx.get(
            "/v24.0/" + a.igUserId(),
            a.token(),
            "fields",
            "username,followers_count,media_count,id");

    assertThat(response.bodyText())
        .isEqualTo(
            "{\"username\":\""
                + a.username()
                + "\",\"followers_count\":"
                + fx.world.followers(3, now)
                + ",\"media_count\":"
                + fx.world.schedule(3).postsVisibleAt(now)
                + ",\"id\":\""
                + a.igUserId()
                + "\"}");
  }

  @Test
  void shouldPageThroughEveryMediaNewestFirstByFollowingNext() {
    Account a = fx.world.account(5);
    int expected = fx.world.schedule(5).postsVisibleAt(fx.clock.nowEpochSecond());
    List<String> ids = new ArrayList<>();
    List<String> timestamps = new ArrayList<>();
    Map<String, String> params =
        new LinkedHashMap<>(Map.of("fields", "id,timestamp", "limit", "7"));
    String path = "/v24.0/" + a.igUserId() + "/media";
    while (true) {
      List<String> kv = new ArrayList<>();
      params.forEach(
          (k, v) -> {
            kv.add(k);
            kv.add(v);
          });
      JsonNode page = ApiFixture.json(fx.get(path, a.token(), kv.toArray(String[]::new)));
      page.get("data")
          .forEach(
              m -> {
                ids.add(m.get("id").asText());
                timestamps.add(m.get("timestamp").asText());
              });
      JsonNode next = page.path("paging").path("next");
      if (next.isMissingNode()) {
        break;
      }
      assertThat(next.asText()).contains("access_token=" + a.token());
      params.put("after", next.asText().replaceAll(".*after=", ""));
    }

    assertThat(ids).hasSize(expected).doesNotHaveDuplicates();
    assertThat(timestamps).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void shouldPageBackWithTheBeforeCursorOfPrevious() {
    Account a = fx.world.account(5);
    String path = "/v24.0/" + a.igUserId() + "/media";
    JsonNode first = ApiFixture.json(fx.get(path, a.token(), "limit", "3"));
    String after = first.get("paging").get("cursors").get("after").asText();
    JsonNode second = ApiFixture.json(fx.get(path, a.token(), "limit", "3", "after", after));
    String before = second.get("paging").get("previous").asText().replaceAll(".*before=", "");

    JsonNode back = ApiFixture.json(fx.get(path, a.token(), "limit", "3", "before", before));

    assertThat(first.get("paging").has("previous")).isFalse();
    assertThat(back.get("data")).isEqualTo(first.get("data"));
    assertThat(back.get("paging").has("previous")).isFalse();
  }

  @Test
  void shouldClampLimitTo100() {
    Account a = fx.world.account(0);

    JsonNode page =
        ApiFixture.json(fx.get("/v24.0/" + a.igUserId() + "/media", a.token(), "limit", "500"));

    int visible = fx.world.schedule(0).postsVisibleAt(fx.clock.nowEpochSecond());
    assertThat(page.get("data")).hasSize(Math.min(100, visible));
  }

  @Test
  void shouldExpandChildrenAndOwnerOfACarousel() {
    Media carousel = fx.findPost(m -> m.kind() == MediaKind.CAROUSEL);

    JsonNode media =
        ApiFixture.json(
            fx.get(
                "/v24.0/" + carousel.id(),
                fx.token(carousel.account()),
                "fields",
                "media_type,owner{id},children{id,media_type}"));

    assertThat(media.get("media_type").asText()).isEqualTo("CAROUSEL_ALBUM");
    assertThat(media.get("owner").toString())
        .isEqualTo("{\"id\":\"" + fx.world.account(carousel.account()).igUserId() + "\"}");
    assertThat(media.get("children").get("data")).hasSize(carousel.childCount());
    assertThat(media.get("children").get("data").get(0).get("media_type").asText())
        .isIn("IMAGE", "VIDEO");
    assertThat(media.get("id").asText()).isEqualTo(Long.toString(carousel.id()));
  }

  @Test
  void shouldFailTheWholeListingWhenOneNestedMetricIsUnsupported() {
    Account a = fx.world.account(1);

    JsonNode error =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + a.igUserId() + "/media",
                    a.token(),
                    "fields",
                    "id,insights.metric(reach,engagement)"))
            .get("error");
    JsonNode noMetric =
        ApiFixture.json(
                fx.get(
                    "/v24.0/" + a.igUserId() + "/media", a.token(), "fields", "id,insights{reach}"))
            .get("error");

    assertThat(error.get("code").asInt()).isEqualTo(100);
    assertThat(error.get("message").asText()).contains("engagement metric");
    assertThat(noMetric.get("code").asInt()).isEqualTo(100);
  }

  @Test
  void shouldListOnlyStoriesOfTheLast24Hours() {
    Media story = fx.findStory(s -> true);
    Account a = fx.world.account(story.account());

    JsonNode live =
        ApiFixture.json(
            fx.get(
                "/v24.0/" + a.igUserId() + "/stories",
                a.token(),
                "fields",
                "id,media_product_type"));
    assertThat(live.get("data").findValuesAsText("id")).contains(Long.toString(story.id()));
    assertThat(live.get("data").findValuesAsText("media_product_type")).containsOnly("STORY");

    fx.clock.set(java.time.Instant.ofEpochSecond(story.createdSec() + 86_400L));
    JsonNode later = ApiFixture.json(fx.get("/v24.0/" + a.igUserId() + "/stories", a.token()));
    assertThat(later.get("data").findValuesAsText("id")).doesNotContain(Long.toString(story.id()));
  }

  @Test
  void shouldAnswerUnknownObjectsWith100Subcode33AsTheFixtureShows() {
    JsonNode error = ApiFixture.json(fx.get("/v24.0/17999999999999999", fx.token(0))).get("error");

    assertThat(error.get("message").asText())
        .isEqualTo(
            "Unsupported get request. Object with ID '17999999999999999' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api");
    assertThat(error.get("type").asText()).isEqualTo("GraphMethodException");
    assertThat(error.get("error_subcode").asInt()).isEqualTo(33);
  }

  @Test
  void shouldRejectUnknownFieldsAndVersionsNewerThanV27() {
    Account a = fx.world.account(0);

    JsonNode field =
        ApiFixture.json(fx.get("/v24.0/" + a.igUserId(), a.token(), "fields", "id,shoe_size"))
            .get("error");
    JsonNode version = ApiFixture.json(fx.get("/v28.0/" + a.igUserId(), a.token())).get("error");

    assertThat(field.get("message").asText())
        .isEqualTo("(#100) Tried accessing nonexisting field (shoe_size) on node type (IGUser)");
    assertThat(version.get("code").asInt()).isEqualTo(2500);
  }

  @Test
  void shouldServeRetiredVersionsAsTheOldestSupported() {
    Account a = fx.world.account(0);

    GraphResponse response = fx.get("/v20.0/" + a.igUserId(), a.token());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("facebook-api-version")).isEqualTo("v21.0");
  }

  @Test
  void shouldReadMentionedMediaOfTaggedPosts() {
    int account = 2;
    Account a = fx.world.account(account);
    JsonNode tags =
        ApiFixture.json(
            fx.get("/v24.0/" + a.igUserId() + "/tags", a.token(), "fields", "id,username"));
    String tagged = tags.get("data").get(0).get("id").asText();

    JsonNode mentioned =
        ApiFixture.json(
            fx.get(
                "/v24.0/" + a.igUserId(),
                a.token(),
                "fields",
                "mentioned_media.media_id(" + tagged + "){id,media_type}"));

    assertThat(mentioned.get("mentioned_media").get("id").asText()).isEqualTo(tagged);
    assertThat(mentioned.get("mentioned_media").get("media_type").asText())
        .isIn("IMAGE", "VIDEO", "CAROUSEL_ALBUM");
  }
}
