package io.igpulse.graphapi;

import static io.igpulse.graphapi.ClientFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.graphapi.model.AccountInsight;
import io.igpulse.graphapi.model.AccountInsightsQuery;
import io.igpulse.graphapi.model.IgAccount;
import io.igpulse.graphapi.model.Media;
import io.igpulse.graphapi.model.MediaInsights;
import io.igpulse.graphapi.model.MediaKind;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.version.ApiVersion;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.simulator.WithSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against the simulator over HTTP as the API stands at the end of 2026: every live
 * version (and the expired v20) read without one refused call, the metrics added since 2025 equal
 * to the ground truth, account insights that ask only what works, and each error code of the table.
 */
@WithSimulator
class EndOf2026IT {

  private static SimControl sim;
  private static ClientFixture fixture;
  private static final Map<MediaKind, Media> SAMPLE = new EnumMap<>(MediaKind.class);
  private static final Map<MediaKind, AccessToken> TOKEN = new EnumMap<>(MediaKind.class);
  private static final Map<MediaKind, String> OWNER = new EnumMap<>(MediaKind.class);
  private static AccessToken token;
  private static String ig;

  @BeforeAll
  static void connect(Simulator simulator) {
    sim = new SimControl(simulator.baseUrl());
    fixture = new ClientFixture(simulator.baseUrl());
    token = AccessToken.of(sim.account(3).path("token").asText());
    ig = sim.account(3).path("ig_user_id").asText();
    Instant settled = sim.now().minus(Duration.ofHours(1));
    for (int a = 0; a < 12 && SAMPLE.size() < MediaKind.values().length - 1; a++) {
      AccessToken t = AccessToken.of(sim.account(a).path("token").asText());
      String owner = sim.account(a).path("ig_user_id").asText();
      List<Media> all = new ArrayList<>(await(fixture.client.media(t, owner, 100)).value());
      all.addAll(await(fixture.client.stories(t, owner)).value());
      for (Media m : all) {
        if (m.kind() != MediaKind.OTHER
            && !SAMPLE.containsKey(m.kind())
            && GraphClientIT.parse(m.timestamp()).isBefore(settled)
            && (m.kind() != MediaKind.STORY
                || sim.truth(m.id()).path("lifetime").path("reach").asLong() >= 5)
            && await(fixture.client.mediaInsights(t, owner, m.id(), m.kind())).isSuccess()) {
          SAMPLE.put(m.kind(), m);
          TOKEN.put(m.kind(), t);
          OWNER.put(m.kind(), owner);
        }
      }
    }
    assertThat(SAMPLE.keySet())
        .contains(
            MediaKind.REELS,
            MediaKind.FEED_IMAGE,
            MediaKind.FEED_CAROUSEL,
            MediaKind.FEED_VIDEO,
            MediaKind.STORY);
  }

  @AfterEach
  void disarm() {
    sim.clearFaults();
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v20.0", "v21.0", "v22.0", "v23.0", "v24.0", "v25.0", "v26.0", "v27.0"})
  void shouldReadEveryKindOnEveryLiveVersionWithoutARefusedCall(String version) {
    try (ClientFixture pinned =
        new ClientFixture(
            ClientFixture.config(sim.baseUrl()).withVersion(ApiVersion.parse(version)))) {
      long refusedBefore = sim.errors("100");
      for (Map.Entry<MediaKind, Media> e : SAMPLE.entrySet()) {
        Media m = e.getValue();
        GraphResult<MediaInsights> read =
            await(
                pinned.client.mediaInsights(
                    TOKEN.get(e.getKey()), OWNER.get(e.getKey()), m.id(), m.kind(), m.createdAt()));
        assertThat(read.isSuccess()).as(version + " " + e.getKey() + ": " + read).isTrue();
        JsonNode truth = sim.truth(m.id()).path("lifetime");
        assertThat(read.value().values().get("reach")).isEqualTo(truth.path("reach").asLong());
        boolean viewsServed = ApiVersion.parse(version).atLeast(22);
        if (m.kind() != MediaKind.FEED_VIDEO) {
          assertThat(read.value().values().containsKey("views"))
              .as(version + " " + e.getKey())
              .isEqualTo(viewsServed);
        }
      }
      assertThat(sim.errors("100")).isEqualTo(refusedBefore);
      assertThat(pinned.client.retiredMetrics().entries()).isEmpty();
    }
  }

  @Test
  void shouldCarryRepostsAndSkipRateOfReelsAsTheTruth() {
    Media reel = SAMPLE.get(MediaKind.REELS);
    JsonNode truth = sim.truth(reel.id()).path("lifetime");

    MediaInsights insights =
        await(
                fixture.client.mediaInsights(
                    TOKEN.get(MediaKind.REELS),
                    OWNER.get(MediaKind.REELS),
                    reel.id(),
                    MediaKind.REELS))
            .value();

    assertThat(insights.values().get("reposts")).isEqualTo(truth.path("reposts").asLong());
    assertThat(insights.values().get("reels_skip_rate"))
        .isEqualTo((long) truth.path("reels_skip_rate").asDouble());
    assertThat(insights.values().get("views")).isEqualTo(truth.path("views").asLong());
  }

  @Test
  void shouldReadStoryRepostsAndProfileActivityByLowercaseAction() {
    Media story = SAMPLE.get(MediaKind.STORY);
    JsonNode truth = sim.truth(story.id()).path("lifetime");

    MediaInsights insights =
        await(
                fixture.client.mediaInsights(
                    TOKEN.get(MediaKind.STORY),
                    OWNER.get(MediaKind.STORY),
                    story.id(),
                    MediaKind.STORY))
            .value();
    Map<String, Long> byAction =
        await(
                fixture.client.storyProfileActivity(
                    TOKEN.get(MediaKind.STORY), OWNER.get(MediaKind.STORY), story.id()))
            .value();

    assertThat(insights.values().get("reposts")).isEqualTo(truth.path("reposts").asLong());
    assertThat(insights.values().get("profile_activity"))
        .isEqualTo(truth.path("profile_activity").asLong());
    assertThat(byAction.keySet())
        .containsExactlyInAnyOrder(
            "bio_link_clicked", "call", "direction", "email", "other", "text");
    assertThat(byAction.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(truth.path("profile_activity").asLong());
  }

  @Test
  void shouldReadCrosspostedViewsOnlyOfCrossPostedReels() {
    Media crossPosted = null;
    Media plain = null;
    AccessToken t = TOKEN.get(MediaKind.REELS);
    String owner = OWNER.get(MediaKind.REELS);
    for (Media m : await(fixture.client.media(t, owner, 200)).value()) {
      if (m.kind() != MediaKind.REELS
          || !GraphClientIT.parse(m.timestamp()).isBefore(sim.now().minus(Duration.ofHours(1)))) {
        continue;
      }
      boolean cross = sim.truth(m.id()).path("cross_posted").asBoolean();
      if (cross && crossPosted == null) {
        crossPosted = m;
      } else if (!cross && plain == null) {
        plain = m;
      }
    }
    assertThat(crossPosted).isNotNull();
    assertThat(plain).isNotNull();
    JsonNode truth = sim.truth(crossPosted.id()).path("lifetime");

    Optional<MediaInsights> views =
        await(fixture.client.crosspostedViews(t, owner, crossPosted.id())).value();
    Optional<MediaInsights> none =
        await(fixture.client.crosspostedViews(t, owner, plain.id())).value();

    assertThat(views).isPresent();
    assertThat(views.get().values().get("facebook_views"))
        .isEqualTo(truth.path("facebook_views").asLong());
    assertThat(views.get().values().get("crossposted_views"))
        .isEqualTo(truth.path("views").asLong() + truth.path("facebook_views").asLong());
    assertThat(none).isEmpty();
    assertThat(fixture.client.retiredMetrics().entries()).isEmpty();
  }

  @Test
  void shouldAskDemographicsWithATimeframeAndViewsByFollowerType() {
    Instant now = sim.now();
    Instant dayEnd = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(8));
    Instant until = dayEnd.isAfter(now) ? dayEnd.minus(Duration.ofDays(1)) : dayEnd;
    GraphResult<List<AccountInsight>> demographics =
        await(
            fixture.client.accountInsights(
                token,
                ig,
                new AccountInsightsQuery(
                    List.of("engaged_audience_demographics"),
                    "lifetime",
                    "total_value",
                    "country",
                    null,
                    null)));
    GraphResult<List<AccountInsight>> views =
        await(
            fixture.client.accountInsights(
                token,
                ig,
                new AccountInsightsQuery(
                    List.of("views"),
                    "day",
                    "total_value",
                    "follower_type",
                    until.minus(Duration.ofDays(1)),
                    until)));

    assertThat(demographics.isSuccess()).as(String.valueOf(demographics)).isTrue();
    assertThat(demographics.value().get(0).breakdowns()).hasSizeLessThanOrEqualTo(45);
    assertThat(views.isSuccess()).as(String.valueOf(views)).isTrue();
    assertThat(views.value().get(0).breakdowns())
        .extracting(b -> b.values().get(0))
        .containsExactly("FOLLOWER", "NON_FOLLOWER");
  }

  @Test
  void shouldNotAskForTimeSeriesClickMetricsAtAll() {
    long before = sim.callsTo("user_insights");
    Instant until = sim.now();

    GraphResult<List<AccountInsight>> clicks =
        await(
            fixture.client.accountInsights(
                token,
                ig,
                new AccountInsightsQuery(
                    List.of("website_clicks"),
                    "day",
                    null,
                    null,
                    until.minus(Duration.ofDays(1)),
                    until)));

    assertThat(clicks.error()).isInstanceOf(GraphError.Rejected.class);
    assertThat(sim.callsTo("user_insights")).isEqualTo(before);
  }

  @ParameterizedTest
  @CsvSource({
    "80001, , Throttled",
    "200, , AccountBlocked",
    "368, , AccountBlocked",
    "190, 458, AuthFailed",
    "190, 459, AuthFailed",
    "190, 460, AuthFailed",
    "190, 463, AuthFailed",
    "190, 464, AuthFailed",
    "190, 467, AuthFailed",
    "10, , NotEnoughViewers"
  })
  void shouldTypeEachErrorCodeAndNeverRetryIt(int code, Integer subcode, String type) {
    // A client of its own: a throttle pauses the token or account it hit.
    try (ClientFixture own = new ClientFixture(sim.baseUrl())) {
      sim.fault(
          "{\"kind\":\"graph_error\",\"endpoint\":\"user\",\"count\":1,\"code\":"
              + code
              + (subcode == null ? "" : ",\"subcode\":" + subcode)
              + "}");

      GraphResult<IgAccount> result = await(own.client.account(token, ig));

      assertThat(result.error().getClass().getSimpleName()).isEqualTo(type);
      assertThat(own.client.metrics().count("igpulse.graph.retries", "endpoint", "user"))
          .as("not retried")
          .isEqualTo(0);
      assertThat(
              own.client
                  .metrics()
                  .count(
                      "igpulse.graph.requests",
                      "endpoint",
                      "user",
                      "outcome",
                      type.toLowerCase(java.util.Locale.ROOT)))
          .isEqualTo(1);
      if (result.error() instanceof GraphError.AuthFailed a) {
        assertThat(a.subcode()).isEqualTo(subcode);
      }
      if (result.error() instanceof GraphError.Throttled t) {
        assertThat(t.code()).isEqualTo(80001);
      }
    }
  }
}
