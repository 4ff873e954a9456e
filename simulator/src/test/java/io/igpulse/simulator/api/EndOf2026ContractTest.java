package io.igpulse.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.api.auth.AppCredentials;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaKind;
import io.igpulse.simulator.world.MediaTotals;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API as GRAPH-API.md describes it at the end of 2026: live versions v21–v27, the three refusal
 * wordings, the metrics added since 2025 and the account insight rules of 2025–2026.
 */
class EndOf2026ContractTest {

  private static final AppCredentials APP = new AppCredentials("1000000042", "s3cr3t", false);
  private final ApiFixture fx = new ApiFixture(42, 40);

  private Media reel(boolean crossPosted) {
    return fx.findPost(
        m ->
            m.kind() == MediaKind.REELS
                && m.crossPosted() == crossPosted
                && fx.postBusiness(m)
                && fx.clock.nowEpochSecond() - m.createdSec() > 3600);
  }

  private JsonNode insights(String version, Media media, String... params) {
    return ApiFixture.json(
        fx.get("/" + version + "/" + media.id() + "/insights", fx.token(media.account()), params));
  }

  @ParameterizedTest
  @ValueSource(ints = {21, 22, 23, 24, 25, 26, 27})
  void shouldServeEveryLiveVersionAsItself(int major) {
    Account a = fx.world.account(0);

    GraphResponse response = fx.get("/v" + major + ".0/" + a.igUserId(), a.token());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("facebook-api-version")).isEqualTo("v" + major + ".0");
  }

  @Test
  void shouldServeTheExpiredV20AsTheOldestLiveV21AndRefuseV28() {
    Account a = fx.world.account(0);

    GraphResponse expired = fx.get("/v20.0/" + a.igUserId(), a.token());
    JsonNode future = ApiFixture.json(fx.get("/v28.0/" + a.igUserId(), a.token())).get("error");

    assertThat(expired.headers().get("facebook-api-version")).isEqualTo("v21.0");
    assertThat(future.get("code").asInt()).isEqualTo(2500);
  }

  @Test
  void shouldAnswerTheIndexedWordingWithTheAllowedListFromV25On() {
    Media reel = reel(false);

    JsonNode error = insights("v25.0", reel, "metric", "reach,plays,likes").get("error");

    assertThat(error.get("code").asInt()).isEqualTo(100);
    assertThat(error.get("message").asText())
        .isEqualTo(
            "(#100) metric[1] must be one of the following values: reach, views, saved, likes,"
                + " comments, shares, total_interactions, reposts, ig_reels_avg_watch_time,"
                + " ig_reels_video_view_total_time, reels_skip_rate");
  }

  @Test
  void shouldWordMetricsRetiredInV22AsNoLongerSupportedBeforeV25() {
    Media reel = reel(false);

    JsonNode error = insights("v21.0", reel, "metric", "reach,plays").get("error");

    assertThat(error.get("message").asText())
        .isEqualTo(
            "(#100) Starting from version 22 and above, the plays metric is no longer supported."
                + " Please use the views metric instead.");
  }

  @Test
  void shouldWordRefusalsAsConfiguredWhateverTheVersion() {
    ApiFixture named =
        new ApiFixture(
            42,
            40,
            ApiSettings.defaults(APP)
                .withInsights(InsightRules.defaults().withRefusalWording(RefusalWording.NAMED)));
    ApiFixture unnamed =
        new ApiFixture(
            42,
            40,
            ApiSettings.defaults(APP)
                .withInsights(InsightRules.defaults().withRefusalWording(RefusalWording.UNNAMED)));
    Media reel = reel(false);
    String path = "/v27.0/" + reel.id() + "/insights";

    JsonNode a =
        ApiFixture.json(named.get(path, named.token(reel.account()), "metric", "reach,plays"));
    JsonNode b =
        ApiFixture.json(unnamed.get(path, unnamed.token(reel.account()), "metric", "reach,plays"));

    assertThat(a.get("error").get("message").asText())
        .isEqualTo(
            "(#100) The Media Insights API does not support the plays metric for this media"
                + " product type.");
    assertThat(b.get("error").get("message").asText()).isEqualTo("(#100) Invalid parameter");
    assertThat(b.get("error").get("code").asInt()).isEqualTo(100);
  }

  @Test
  void shouldRefuseOnV21TheMetricsNoVersionHasServedSince2025() {
    Media reel = reel(false);
    Media video = fx.findPost(m -> m.kind() == MediaKind.FEED_VIDEO && fx.postBusiness(m));

    for (String metric :
        List.of(
            "plays", "clips_replays_count", "ig_reels_aggregated_all_plays_count", "video_views")) {
      JsonNode error = insights("v21.0", reel, "metric", metric).get("error");
      assertThat(error.get("code").asInt()).as(metric).isEqualTo(100);
    }
    assertThat(insights("v21.0", video, "metric", "video_views").get("error").get("code").asInt())
        .isEqualTo(100);
  }

  @Test
  void shouldServeTheMetricsAddedSince2025WithTheirGroundTruth() {
    Media reel = reel(true);
    MediaTotals truth = fx.world.engagement().totals(reel, fx.clock.nowEpochSecond());

    JsonNode data =
        insights(
                "v27.0", reel, "metric", "reposts,reels_skip_rate,crossposted_views,facebook_views")
            .get("data");

    assertThat(data.get(0).get("values").get(0).get("value").asLong()).isEqualTo(truth.reposts());
    assertThat(data.get(1).get("values").get(0).get("value").asDouble())
        .isEqualTo((double) truth.skipRatePercent());
    assertThat(data.get(2).get("values").get(0).get("value").asLong())
        .isEqualTo(truth.views() + truth.facebookViews());
    assertThat(data.get(3).get("values").get(0).get("value").asLong())
        .isEqualTo(truth.facebookViews());
  }

  @Test
  void shouldRefuseCrosspostedViewsOfAReelThatWasNotCrossPosted() {
    JsonNode error = insights("v24.0", reel(false), "metric", "crossposted_views").get("error");

    assertThat(error.get("message").asText())
        .isEqualTo(
            "(#100) The Media Insights API does not support the crossposted_views metric for this"
                + " media product type.");
  }

  @Test
  void shouldBreakStoryProfileActivityDownByLowercaseAction() {
    Media story =
        fx.findStory(
            s ->
                fx.postBusiness(s)
                    && fx.clock.nowEpochSecond() - s.createdSec() > 600
                    && fx.world.engagement().totals(s, fx.clock.nowEpochSecond()).reach() >= 5
                    && fx.world.engagement().totals(s, fx.clock.nowEpochSecond()).profileActivity()
                        > 0);
    MediaTotals truth = fx.world.engagement().totals(story, fx.clock.nowEpochSecond());

    JsonNode entry =
        insights("v24.0", story, "metric", "profile_activity", "breakdown", "action_type")
            .get("data")
            .get(0);

    JsonNode results = entry.get("total_value").get("breakdowns").get(0).get("results");
    assertThat(entry.get("values").get(0).get("value").asLong()).isEqualTo(truth.profileActivity());
    assertThat(results).hasSize(6);
    assertThat(results.get(0).get("dimension_values").get(0).asText())
        .isEqualTo("bio_link_clicked");
    long sum = 0;
    for (JsonNode r : results) {
      sum += r.get("value").asLong();
    }
    assertThat(sum).isEqualTo(truth.profileActivity());
  }

  private JsonNode accountInsights(String... params) {
    Account a = fx.world.account(0);
    return ApiFixture.json(fx.get("/v24.0/" + a.igUserId() + "/insights", a.token(), params));
  }

  @Test
  void shouldRequireATimeframeOfThisWeekOrThisMonthForDemographics() {
    String[] base = {
      "metric",
      "engaged_audience_demographics",
      "period",
      "lifetime",
      "metric_type",
      "total_value",
      "breakdown",
      "country"
    };

    JsonNode none = accountInsights(base).get("error");
    JsonNode removed = accountInsights(concat(base, "timeframe", "last_30_days")).get("error");
    JsonNode fine = accountInsights(concat(base, "timeframe", "this_week"));

    assertThat(none.get("message").asText())
        .isEqualTo("(#100) The parameter timeframe is required for engaged_audience_demographics");
    assertThat(removed.get("message").asText())
        .isEqualTo(
            "(#100) The timeframe last_30_days is no longer supported. timeframe must be one of"
                + " the following values: this_week, this_month");
    assertThat(fine.get("data").get(0).get("name").asText())
        .isEqualTo("engaged_audience_demographics");
  }

  @Test
  void shouldRefuseADemographicsBreakdownOutsideAgeCityCountryGender() {
    JsonNode error =
        accountInsights(
                "metric",
                "follower_demographics",
                "period",
                "lifetime",
                "metric_type",
                "total_value",
                "breakdown",
                "media_product_type",
                "timeframe",
                "this_month")
            .get("error");

    assertThat(error.get("message").asText())
        .isEqualTo(
            "(#100) breakdown for follower_demographics must be one of the following values:"
                + " age, city, country, gender");
  }

  @Test
  void shouldBreakViewsDownByFollowerTypeOnlyForViews() {
    JsonNode views =
        accountInsights(
            "metric",
            "views",
            "period",
            "day",
            "metric_type",
            "total_value",
            "breakdown",
            "follower_type");
    JsonNode reach =
        accountInsights(
                "metric",
                "reach",
                "period",
                "day",
                "metric_type",
                "total_value",
                "breakdown",
                "follower_type")
            .get("error");

    JsonNode results =
        views.get("data").get(0).get("total_value").get("breakdowns").get(0).get("results");
    assertThat(results.get(0).get("dimension_values").get(0).asText()).isEqualTo("FOLLOWER");
    assertThat(results.get(0).get("value").asLong() + results.get(1).get("value").asLong())
        .isEqualTo(views.get("data").get(0).get("total_value").get("value").asLong());
    assertThat(reach.get("message").asText())
        .isEqualTo("(#100) The breakdown follower_type is not supported for the metric reach");
  }

  @Test
  void shouldRefuseTimeSeriesWebsiteClicksAndProfileViews() {
    for (String metric : List.of("website_clicks", "profile_views")) {
      JsonNode error = accountInsights("metric", metric, "period", "day").get("error");
      assertThat(error.get("message").asText())
          .isEqualTo(
              "(#100) The following metrics ("
                  + metric
                  + ") should be specified with parameter metric_type=total_value");
    }
  }

  @Test
  void shouldRefuseMultiIdReadsToAnAppCreatedSinceV27() {
    ApiFixture newApp =
        new ApiFixture(
            42,
            40,
            ApiSettings.defaults(APP).withInsights(InsightRules.defaults().withNewApp(true)));
    Account a = newApp.world.account(0);
    Account b = newApp.world.account(1);

    JsonNode error =
        ApiFixture.json(newApp.get("/v24.0/", a.token(), "ids", a.igUserId() + "," + b.igUserId()))
            .get("error");

    assertThat(error.get("code").asInt()).isEqualTo(100);
    assertThat(error.get("message").asText()).contains("Multi-id lookups");
  }

  @Test
  void shouldWordInjectedErrorsByCode() {
    assertThat(GraphErrors.byCode(80001, null).code()).isEqualTo(80001);
    assertThat(GraphErrors.byCode(80001, null).transientError()).isTrue();
    assertThat(GraphErrors.byCode(200, null).message()).startsWith("(#200) Requires");
    assertThat(GraphErrors.byCode(368, null).message()).startsWith("(#368)");
    assertThat(GraphErrors.byCode(190, 464).subcode()).isEqualTo(464);
    assertThat(GraphErrors.byCode(10, null).message()).contains("Not enough viewers");
  }

  private static String[] concat(String[] base, String... more) {
    String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, out, base.length, more.length);
    return out;
  }
}
