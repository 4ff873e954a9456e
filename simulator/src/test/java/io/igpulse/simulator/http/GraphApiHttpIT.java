package io.igpulse.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.api.Json;
import io.igpulse.simulator.api.MediaMetricRules;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaKind;
import io.igpulse.simulator.world.MediaTotals;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GraphApiHttpIT {

  private static Simulator sim;

  @BeforeAll
  static void start() {
    sim = Simulator.start(SimulatorConfig.of(42, 30));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static Media find(java.util.function.Predicate<Media> wanted) {
    long now = sim.clock().nowEpochSecond();
    for (int a = 0; a < sim.world().accountCount(); a++) {
      Account account = sim.world().account(a);
      for (int ord = 0; ord < sim.world().schedule(a).postsVisibleAt(now); ord++) {
        Media m = sim.world().post(a, ord);
        if (m.createdSec() >= account.businessSinceSec() && wanted.test(m)) {
          return m;
        }
      }
    }
    throw new AssertionError("no such media");
  }

  @Test
  void shouldServeTheTutorialInsightsShapeOverHttpWithUsageHeaders() {
    Media media =
        find(
            m ->
                m.kind() == MediaKind.IMAGE
                    && m.createdSec() < MediaMetricRules.IMPRESSIONS_CUTOFF_SEC);
    MediaTotals truth = sim.world().engagement().totals(media, sim.clock().nowEpochSecond());
    Account owner = sim.world().account(media.account());

    HttpResponse<String> response =
        Http.get(
            sim.baseUrl()
                + "/v21.0/"
                + media.id()
                + "/insights?metric=impressions&access_token="
                + owner.token());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/json; charset=UTF-8");
    assertThat(response.headers().firstValue("X-App-Usage").orElseThrow())
        .matches("\\{\"call_count\":\\d+,\"total_time\":\\d+,\"total_cputime\":\\d+}");
    assertThat(response.headers().firstValue("X-Business-Use-Case-Usage").orElseThrow())
        .startsWith("{\"" + owner.businessId() + "\":[{\"type\":\"instagram\",\"call_count\":");
    assertThat(response.body())
        .isEqualTo(
            "{\"data\":[{\"name\":\"impressions\",\"period\":\"lifetime\",\"values\":[{\"value\":"
                + truth.views()
                + "}],\"title\":\"Impressions\",\"description\":\"Total number of times the media object has been seen\",\"id\":\""
                + media.id()
                + "/insights/impressions/lifetime\"}]}");
  }

  @Test
  void shouldPageMediaByFollowingTheNextUrlsAsGiven() {
    Account a = sim.world().account(4);
    int expected = sim.world().schedule(4).postsVisibleAt(sim.clock().nowEpochSecond());
    List<String> ids = new ArrayList<>();
    String url =
        sim.baseUrl()
            + "/v24.0/"
            + a.igUserId()
            + "/media?fields=id,media_type,media_product_type,timestamp,like_count,comments_count&limit=10&access_token="
            + a.token();
    int pages = 0;
    while (url != null) {
      JsonNode page = Http.json(Http.get(url));
      page.get("data")
          .forEach(
              m -> {
                ids.add(m.get("id").asText());
                assertThat(m.fieldNames())
                    .toIterable()
                    .containsExactly(
                        "id",
                        "media_type",
                        "media_product_type",
                        "timestamp",
                        "like_count",
                        "comments_count");
              });
      url =
          page.path("paging").path("next").isMissingNode()
              ? null
              : page.get("paging").get("next").asText();
      pages++;
    }

    assertThat(ids).hasSize(expected).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo((expected + 9) / 10);
  }

  @Test
  void shouldAcceptBearerTokensAndFormEncodedBatches() {
    Account a = sim.world().account(1);

    HttpResponse<String> bearer =
        Http.getWithBearer(
            sim.baseUrl() + "/v24.0/" + a.igUserId() + "?fields=username", a.token());
    HttpResponse<String> batch =
        Http.postForm(
            sim.baseUrl() + "/v24.0/",
            "access_token",
            a.token(),
            "batch",
            "[{\"method\":\"GET\",\"relative_url\":\""
                + a.igUserId()
                + "?fields=id,username\"},{\"method\":\"GET\",\"relative_url\":\"17999999999999999\"}]");

    assertThat(bearer.body())
        .isEqualTo("{\"username\":\"" + a.username() + "\",\"id\":\"" + a.igUserId() + "\"}");
    assertThat(batch.statusCode()).isEqualTo(200);
    JsonNode items = Http.json(batch);
    assertThat(items.get(0).get("body").asText())
        .isEqualTo("{\"id\":\"" + a.igUserId() + "\",\"username\":\"" + a.username() + "\"}");
    assertThat(items.get(1).get("code").asInt()).isEqualTo(400);
    assertThat(
            Json.parse(items.get(1).get("body").asText()).get("error").get("error_subcode").asInt())
        .isEqualTo(33);
  }

  @Test
  void shouldAnswerErrorsInTheEnvelopeWithHttp400() {
    HttpResponse<String> response =
        Http.get(
            sim.baseUrl()
                + "/v24.0/"
                + sim.world().account(0).igUserId()
                + "?access_token=EAAbogus");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = Http.json(response).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(190);
    assertThat(error.get("type").asText()).isEqualTo("OAuthException");
    assertThat(response.headers().firstValue("X-App-Usage")).isPresent();
  }
}
