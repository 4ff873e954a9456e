package io.igpulse.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchAndDeterminismTest {

  @Test
  void shouldAnswerEachBatchItemAsItsOwnCallWithTheBodyAsAString() {
    ApiFixture fx = new ApiFixture(42, 20);
    Account a = fx.world.account(0);
    Media old =
        fx.findPost(
            m ->
                m.kind() == MediaKind.IMAGE
                    && m.createdSec() < MediaMetricRules.IMPRESSIONS_CUTOFF_SEC);
    String batch =
        "[{\"method\":\"GET\",\"relative_url\":\""
            + a.igUserId()
            + "?fields=id,username\"},"
            + "{\"method\":\"GET\",\"relative_url\":\"v24.0/"
            + old.id()
            + "/insights?metric=impressions\"}]";
    Map<String, String> params = new LinkedHashMap<>();
    params.put("access_token", a.token());
    params.put("batch", batch);

    GraphResponse response = fx.api.handle("POST", "/v24.0/", params, null);

    assertThat(response.status()).isEqualTo(200);
    JsonNode items = ApiFixture.json(response);
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("code").asInt()).isEqualTo(200);
    assertThat(items.get(0).get("headers").toString())
        .isEqualTo("[{\"name\":\"Content-Type\",\"value\":\"application/json; charset=UTF-8\"}]");
    assertThat(items.get(0).get("body").asText())
        .isEqualTo("{\"id\":\"" + a.igUserId() + "\",\"username\":\"" + a.username() + "\"}");
    assertThat(items.get(1).get("code").asInt()).isEqualTo(400);
    assertThat(Json.parse(items.get(1).get("body").asText()).get("error").get("message").asText())
        .isEqualTo(
            "(#100) Starting from version 22 and above, the impressions metric is no longer"
                + " supported. Please use the views metric instead.");
    assertThat(fx.stats.calls(Endpoint.USER)).isEqualTo(1);
    assertThat(fx.stats.calls(Endpoint.MEDIA_INSIGHTS)).isEqualTo(1);
  }

  @Test
  void shouldAnswerAnItemWithItsOwnTokenAndTheBatchTokenAsTheFallback() {
    ApiFixture fx = new ApiFixture(42, 5);
    Account a = fx.world.account(0);
    Account b = fx.world.account(1);
    String batch =
        "[{\"method\":\"GET\",\"relative_url\":\""
            + b.igUserId()
            + "?fields=username&access_token="
            + b.token()
            + "\"},{\"method\":\"GET\",\"relative_url\":\""
            + a.igUserId()
            + "?fields=username\"},{\"method\":\"GET\",\"relative_url\":\""
            + b.igUserId()
            + "?fields=username&access_token=not-a-token\"}]";
    Map<String, String> params = new LinkedHashMap<>();
    params.put("access_token", a.token());
    params.put("batch", batch);

    JsonNode items = ApiFixture.json(fx.api.handle("POST", "/v24.0/", params, null));

    assertThat(items.get(0).get("code").asInt()).isEqualTo(200);
    assertThat(Json.parse(items.get(0).get("body").asText()).get("username").asText())
        .isEqualTo(b.username());
    assertThat(items.get(1).get("code").asInt()).isEqualTo(200);
    assertThat(Json.parse(items.get(1).get("body").asText()).get("username").asText())
        .isEqualTo(a.username());
    // An item's own token is the one checked, not the batch's.
    assertThat(items.get(2).get("code").asInt()).isEqualTo(400);
    assertThat(Json.parse(items.get(2).get("body").asText()).get("error").get("code").asInt())
        .isEqualTo(190);
  }

  @Test
  void shouldReadSeveralIdsAtOnceChargingEachAsACall() {
    ApiFixture fx = new ApiFixture(42, 5);
    Account a = fx.world.account(0);
    Account b = fx.world.account(1);

    GraphResponse response =
        fx.get(
            "/v24.0/",
            fx.tokens.systemUserToken(),
            "ids",
            a.igUserId() + "," + b.igUserId(),
            "fields",
            "username");

    assertThat(response.bodyText())
        .isEqualTo(
            "{\""
                + a.igUserId()
                + "\":{\"username\":\""
                + a.username()
                + "\",\"id\":\""
                + a.igUserId()
                + "\"},\""
                + b.igUserId()
                + "\":{\"username\":\""
                + b.username()
                + "\",\"id\":\""
                + b.igUserId()
                + "\"}}");
    assertThat(fx.stats.calls(Endpoint.USER)).isEqualTo(2);
  }

  @Test
  void shouldRefuseBatchesOver50Items() {
    ApiFixture fx = new ApiFixture(42, 2);
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 51; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"method\":\"GET\",\"relative_url\":\"me/accounts\"}");
    }
    Map<String, String> params =
        new LinkedHashMap<>(Map.of("access_token", fx.token(0), "batch", batch + "]"));

    JsonNode error = ApiFixture.json(fx.api.handle("POST", "/", params, null)).get("error");

    assertThat(error.get("message").asText())
        .isEqualTo("(#100) Too many requests in batch message. Maximum batch size is 50");
  }

  @Test
  void shouldGiveByteIdenticalAnswersForTheSameSeedClockAndCalls() {
    List<String> first = script(new ApiFixture(1234, 25));
    List<String> second = script(new ApiFixture(1234, 25));
    List<String> other = script(new ApiFixture(4321, 25));

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  private static List<String> script(ApiFixture fx) {
    List<String> out = new ArrayList<>();
    Account a = fx.world.account(3);
    String media = "/v24.0/" + a.igUserId() + "/media";
    for (int round = 0; round < 3; round++) {
      out.add(
          render(
              fx.get(
                  media,
                  a.token(),
                  "fields",
                  "id,caption,timestamp,like_count,insights.metric(reach)",
                  "limit",
                  "100")));
      out.add(
          render(
              fx.get(
                  "/v24.0/" + a.igUserId(),
                  a.token(),
                  "fields",
                  "username,followers_count,media_count")));
      out.add(render(fx.get("/v24.0/17999999999999999", a.token())));
      out.add(
          render(
              fx.get(
                  "/v24.0/" + a.igUserId() + "/insights",
                  a.token(),
                  "metric",
                  "reach,follower_count",
                  "period",
                  "day")));
      fx.clock.advance(Duration.ofHours(5));
    }
    return out;
  }

  private static String render(GraphResponse response) {
    return response.status() + " " + response.headers() + " " + response.bodyText();
  }
}
