package io.igpulse.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.api.auth.AppCredentials;
import io.igpulse.simulator.api.limits.RateLimitConfig;
import io.igpulse.simulator.api.limits.WindowCounter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  private static ApiFixture withLimits(RateLimitConfig limits) {
    return new ApiFixture(
        3, 4, ApiSettings.defaults(new AppCredentials("1", "s", false)).withLimits(limits));
  }

  @Test
  void shouldThrottleAnAccountWith80002OnceItsBucBudgetIsSpentAndReportTheWait() {
    ApiFixture fx = withLimits(RateLimitConfig.defaults().withBucCallsPer24h(10));
    String path = "/v24.0/" + fx.world.account(0).igUserId();
    long business = fx.world.account(0).businessId();
    GraphResponse last = null;
    for (int i = 0; i < 10; i++) {
      last = fx.get(path, fx.token(0));
      assertThat(last.status()).isEqualTo(200);
    }
    assertThat(last.headers().get("X-Business-Use-Case-Usage"))
        .isEqualTo(
            "{\""
                + business
                + "\":[{\"type\":\"instagram\",\"call_count\":100,\"total_cputime\":33,\"total_time\":40,\"estimated_time_to_regain_access\":1440}]}");

    GraphResponse throttled = fx.get(path, fx.token(0));

    assertThat(throttled.status()).isEqualTo(400);
    JsonNode error = ApiFixture.json(throttled).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(80002);
    assertThat(error.get("is_transient").asBoolean()).isTrue();
    assertThat(error.get("message").asText())
        .isEqualTo(
            "(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.");
    assertThat(throttled.headers().get("X-Business-Use-Case-Usage"))
        .contains("\"estimated_time_to_regain_access\":1440");
    assertThat(fx.get("/v24.0/" + fx.world.account(1).igUserId(), fx.token(1)).status())
        .isEqualTo(200);

    fx.clock.advance(Duration.ofHours(24));
    assertThat(fx.get(path, fx.token(0)).status()).isEqualTo(200);
  }

  @Test
  void shouldReportUsagePercentOnEveryResponseIncludingErrors() {
    ApiFixture fx = withLimits(RateLimitConfig.defaults().withBucCallsPer24h(4));
    String path = "/v24.0/" + fx.world.account(0).igUserId();

    GraphResponse first = fx.get(path, fx.token(0));
    GraphResponse error = fx.get(path + "/nonsense", fx.token(0));

    assertThat(first.headers().get("X-Business-Use-Case-Usage")).contains("\"call_count\":25,");
    assertThat(first.headers().get("X-App-Usage"))
        .isEqualTo("{\"call_count\":0,\"total_time\":0,\"total_cputime\":0}");
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.headers()).containsKeys("X-App-Usage", "X-Business-Use-Case-Usage");
  }

  @Test
  void shouldThrottleHashtagCallsOnThePlatformBudgetWith613() {
    ApiFixture fx = withLimits(RateLimitConfig.defaults().withHashtagCallsPerUserPerHour(2));
    String user = Long.toString(fx.world.account(0).igUserId());
    assertThat(
            fx.get("/v24.0/ig_hashtag_search", fx.token(0), "user_id", user, "q", "sunset")
                .status())
        .isEqualTo(200);
    assertThat(
            fx.get("/v24.0/ig_hashtag_search", fx.token(0), "user_id", user, "q", "travel")
                .status())
        .isEqualTo(200);

    JsonNode error =
        ApiFixture.json(
                fx.get("/v24.0/ig_hashtag_search", fx.token(0), "user_id", user, "q", "coffee"))
            .get("error");

    assertThat(error.get("code").asInt()).isEqualTo(613);
    assertThat(error.get("message").asText())
        .isEqualTo("(#613) Calls to this api have exceeded the rate limit.");
  }

  @Test
  void shouldThrottleTheAppWith4AndPageTokensWith32() {
    ApiFixture app = withLimits(RateLimitConfig.defaults().withAppCallsPerUserPerHour(1));
    for (int i = 0; i < 4; i++) {
      assertThat(app.get("/v24.0/me/accounts", app.token(i)).status()).isEqualTo(200);
    }
    assertThat(
            ApiFixture.json(app.get("/v24.0/me/accounts", app.token(0)))
                .get("error")
                .get("code")
                .asInt())
        .isEqualTo(4);

    ApiFixture page = withLimits(RateLimitConfig.defaults().withTokenCallsPerHour(1));
    assertThat(page.get("/v24.0/me/accounts", page.token(0)).status()).isEqualTo(200);
    assertThat(
            ApiFixture.json(page.get("/v24.0/me/accounts", page.token(0)))
                .get("error")
                .get("code")
                .asInt())
        .isEqualTo(32);
    String system = page.tokens.systemUserToken();
    assertThat(page.get("/v24.0/me/accounts", system).status()).isEqualTo(200);
    assertThat(
            ApiFixture.json(page.get("/v24.0/me/accounts", system))
                .get("error")
                .get("code")
                .asInt())
        .isEqualTo(17);
  }

  @Test
  void shouldSlideTheWindowBucketByBucket() {
    WindowCounter counter = new WindowCounter(3600, 60);
    counter.add(0);
    counter.add(1800);
    counter.add(1800);

    assertThat(counter.total(1800)).isEqualTo(3);
    assertThat(counter.secondsUntilBelow(1800, 3)).isEqualTo(1800);
    assertThat(counter.secondsUntilBelow(1800, 2)).isEqualTo(3600);
    assertThat(counter.total(3600)).isEqualTo(2);
    assertThat(counter.total(5400)).isZero();
  }
}
