package io.igpulse.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.world.Account;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP: direct reads of another account's media are refused and counted, and the window
 * truths equal the sums of true totals read one media at a time at both ends of the window.
 */
class OwnershipAndTruthIT {

  private static final String ALL_TIME = "2020-01-01T00:00:00Z";
  private static Simulator sim;

  @BeforeAll
  static void start() {
    sim = Simulator.start(SimulatorConfig.of(42, 30));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void shouldRefuseAnotherAccountsMediaWithTheObjectErrorAndCountIt() {
    Account owner = sim.world().account(4);
    Account stranger = sim.world().account(9);
    String mediaId = firstMediaId(owner);
    long before = stats().get("non_owner_reads").asLong();

    HttpResponse<String> refused =
        Http.get(
            sim.baseUrl()
                + "/v24.0/"
                + mediaId
                + "/insights?metric=reach&access_token="
                + stranger.token());
    HttpResponse<String> allowed =
        Http.get(sim.baseUrl() + "/v24.0/" + mediaId + "?fields=id&access_token=" + owner.token());

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode error = Http.json(refused).get("error");
    assertThat(error.get("message").asText())
        .isEqualTo(
            "Unsupported get request. Object with ID '"
                + mediaId
                + "' does not exist, cannot be loaded due to missing permissions, or does not"
                + " support this operation. Please read the Graph API documentation at"
                + " https://developers.facebook.com/docs/graph-api");
    assertThat(error.get("type").asText()).isEqualTo("GraphMethodException");
    assertThat(error.get("code").asInt()).isEqualTo(100);
    assertThat(error.get("error_subcode").asInt()).isEqualTo(33);
    assertThat(allowed.statusCode()).isEqualTo(200);
    JsonNode stats = stats();
    assertThat(stats.get("non_owner_reads").asLong()).isEqualTo(before + 1);
    assertThat(stats.get("non_owner_reads_by_endpoint").get("media_insights").asLong())
        .isPositive();
  }

  @Test
  void shouldReportTheEngagementAnAccountsOwnMediaGainedAsTheSumOfTheirTotals() {
    Account account = sim.world().account(3);
    Instant t0 = sim.clock().now();
    Instant t1 = t0.plusSeconds(6 * 3_600);
    List<String> ids = mediaIds(account, t1);
    Map<String, JsonNode> atT0 = truths(ids);

    sim.clock().set(t1);
    Map<String, JsonNode> atT1 = truths(ids);
    JsonNode report =
        Http.json(
            Http.get(
                sim.baseUrl()
                    + "/_sim/truth/accounts/"
                    + account.igUserId()
                    + "/engagement?per_media=true&from="
                    + t0
                    + "&to="
                    + t1));

    long engagement = 0;
    long reach = 0;
    for (String id : ids) {
      engagement += engagement(atT1.get(id)) - engagement(atT0.get(id));
      reach += lifetime(atT1.get(id), "reach") - lifetime(atT0.get(id), "reach");
    }
    assertThat(engagement).isPositive();
    assertThat(report.get("engagement_gained").asLong()).isEqualTo(engagement);
    assertThat(report.get("reach_gained").asLong()).isEqualTo(reach);
    long perMedia = 0;
    for (JsonNode media : report.get("media")) {
      perMedia += media.get("engagement_gained").asLong();
      assertThat(ids).contains(media.get("id").asText());
    }
    assertThat(perMedia).isEqualTo(engagement);
  }

  @Test
  void shouldReportHashtagAndEarnedLikesAndCommentsAsTheSumOfTheirMediasTotals() {
    Account account = sim.world().account(11);
    String tag = sim.world().hashtags().name(120);
    Instant t0 = sim.clock().now();
    Instant t1 = t0.plusSeconds(12 * 3_600);
    JsonNode tagMedia = hashtagReport(tag, t0, t1).get("media");
    JsonNode earnedMedia = earnedReport(account, t0, t1).get("media");
    List<String> ids = new ArrayList<>();
    tagMedia.forEach(m -> ids.add(m.get("id").asText()));
    earnedMedia.forEach(m -> ids.add(m.get("id").asText()));
    Map<String, JsonNode> atT0 = truths(ids);

    sim.clock().set(t1);
    Map<String, JsonNode> atT1 = truths(ids);
    JsonNode hashtag = hashtagReport(tag, t0, t1);
    JsonNode earned = earnedReport(account, t0, t1);

    assertPublicGains(hashtag, tagMedia, atT0, atT1);
    assertPublicGains(earned, earnedMedia, atT0, atT1);
    assertThat(tagMedia.size()).isPositive();
    assertThat(earnedMedia.size()).isPositive();
  }

  @Test
  void shouldAnswer400WithAReasonForABadPeriod() {
    Account account = sim.world().account(0);

    HttpResponse<String> missing =
        Http.get(sim.baseUrl() + "/_sim/truth/accounts/" + account.igUserId() + "/engagement");
    HttpResponse<String> backwards =
        Http.get(
            sim.baseUrl()
                + "/_sim/truth/media?account="
                + account.username()
                + "&from=2026-01-13T00:00:00Z&to=2026-01-12T00:00:00Z");

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(Http.json(missing).get("error").asText())
        .isEqualTo("from and to are required (ISO-8601 instants)");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(Http.json(backwards).get("error").asText()).isEqualTo("from must not be after to");
  }

  private static void assertPublicGains(
      JsonNode report, JsonNode media, Map<String, JsonNode> atT0, Map<String, JsonNode> atT1) {
    long likes = 0;
    long comments = 0;
    long visible = 0;
    for (JsonNode m : media) {
      String id = m.get("id").asText();
      long liked = lifetime(atT1.get(id), "likes") - lifetime(atT0.get(id), "likes");
      long commented = lifetime(atT1.get(id), "comments") - lifetime(atT0.get(id), "comments");
      likes += liked;
      comments += commented;
      boolean hidden = atT1.get(id).get("likes_hidden").asBoolean();
      assertThat(m.get("likes_hidden").asBoolean()).isEqualTo(hidden);
      visible += (hidden ? 0 : liked) + commented;
    }
    assertThat(report.get("likes_gained").asLong()).isEqualTo(likes);
    assertThat(report.get("comments_gained").asLong()).isEqualTo(comments);
    assertThat(report.get("public_gained").asLong()).isEqualTo(likes + comments);
    assertThat(report.get("visible_gained").asLong()).isEqualTo(visible);
  }

  private static JsonNode hashtagReport(String tag, Instant from, Instant to) {
    return Http.json(
        Http.get(
            sim.baseUrl()
                + "/_sim/truth/hashtags/"
                + tag
                + "/public?per_media=true&from="
                + from
                + "&to="
                + to));
  }

  private static JsonNode earnedReport(Account account, Instant from, Instant to) {
    return Http.json(
        Http.get(
            sim.baseUrl()
                + "/_sim/truth/accounts/"
                + account.igUserId()
                + "/earned?from="
                + from
                + "&to="
                + to));
  }

  /** Every media and story the account posted up to {@code to}, from the media inventory. */
  private static List<String> mediaIds(Account account, Instant to) {
    JsonNode inventory =
        Http.json(
            Http.get(
                sim.baseUrl()
                    + "/_sim/truth/media?account="
                    + account.igUserId()
                    + "&from="
                    + ALL_TIME
                    + "&to="
                    + to));
    List<String> ids = new ArrayList<>();
    inventory.get("posts").forEach(m -> ids.add(m.get("id").asText()));
    inventory.get("stories").forEach(m -> ids.add(m.get("id").asText()));
    assertThat(inventory.get("stories").size()).isPositive();
    return ids;
  }

  private static Map<String, JsonNode> truths(List<String> ids) {
    Map<String, JsonNode> truths = new LinkedHashMap<>();
    for (String id : ids) {
      truths.put(id, Http.json(Http.get(sim.baseUrl() + "/_sim/truth/media/" + id)));
    }
    return truths;
  }

  private static long engagement(JsonNode truth) {
    return lifetime(truth, "likes")
        + lifetime(truth, "comments")
        + lifetime(truth, "saved")
        + lifetime(truth, "shares");
  }

  private static long lifetime(JsonNode truth, String name) {
    return truth.get("lifetime").get(name).asLong();
  }

  private static String firstMediaId(Account account) {
    return Http.json(
            Http.get(
                sim.baseUrl()
                    + "/v24.0/"
                    + account.igUserId()
                    + "/media?limit=1&access_token="
                    + account.token()))
        .get("data")
        .get(0)
        .get("id")
        .asText();
  }

  private static JsonNode stats() {
    return Http.json(Http.get(sim.baseUrl() + "/_sim/stats"));
  }
}
