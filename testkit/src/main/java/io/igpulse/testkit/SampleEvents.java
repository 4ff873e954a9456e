package io.igpulse.testkit;

import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AccountRegistration;
import io.igpulse.events.AccountTrend;
import io.igpulse.events.AudienceKind;
import io.igpulse.events.DemographicBreakdown;
import io.igpulse.events.DiscoverySource;
import io.igpulse.events.HashtagTrend;
import io.igpulse.events.LoginFlavour;
import io.igpulse.events.MediaContribution;
import io.igpulse.events.MediaDiscovered;
import io.igpulse.events.MediaInsightSnapshot;
import io.igpulse.events.MediaProductType;
import io.igpulse.events.MediaType;
import io.igpulse.events.UnavailableMetric;
import io.igpulse.events.UnavailableReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One fully populated instance of every contract record (every optional field set, so a round trip
 * exercises each of them). Times are whole milliseconds because timestamp-millis keeps no more.
 */
public final class SampleEvents {

  private static final Instant POSTED = Instant.parse("2026-11-20T18:30:00.123Z");
  private static final Instant CAPTURED = Instant.parse("2026-11-21T09:15:42.007Z");

  private SampleEvents() {}

  public static AccountRegistration accountRegistration(String igUserId) {
    return AccountRegistration.newBuilder()
        .setIgUserId(igUserId)
        .setLabel("Demo bakery")
        .setTokenRef("DEMO_BAKERY")
        .setLoginFlavour(LoginFlavour.FACEBOOK_LOGIN)
        .setHashtags(List.of("sourdough", "croissant"))
        .setActive(true)
        .setRegisteredAt(POSTED)
        .setUpdatedAt(CAPTURED)
        .build();
  }

  public static MediaDiscovered mediaDiscovered(String mediaId) {
    return MediaDiscovered.newBuilder()
        .setMediaId(mediaId)
        .setOwnerId("17841400000000001")
        .setFollowedAccountId("17841400000000001")
        .setMediaType(MediaType.VIDEO)
        .setMediaProductType(MediaProductType.REELS)
        .setPostedAt(POSTED)
        .setPermalink("https://www.instagram.com/reel/Cabc123/")
        .setCaptionHashtags(List.of("sourdough"))
        .setSource(DiscoverySource.HASHTAG_RECENT)
        .setHashtag("sourdough")
        .setExpiresAt(POSTED.plusSeconds(86_400))
        .setDiscoveredAt(CAPTURED)
        .build();
  }

  public static MediaInsightSnapshot mediaInsightSnapshot(String mediaId) {
    return MediaInsightSnapshot.newBuilder()
        .setMediaId(mediaId)
        .setOwnerId("17841400000000001")
        .setMediaType(MediaType.CAROUSEL_ALBUM)
        .setMediaProductType(MediaProductType.FEED)
        .setPostedAt(POSTED)
        .setCapturedAt(CAPTURED)
        .setApiVersion("v24.0")
        .setHashtags(List.of("sourdough", "bakery"))
        .setMetrics(
            Map.of("reach", 1_200L, "views", 3_400L, "likes", 150L, "total_interactions", 190L))
        .setEngagement(190L)
        .setLikeCount(150L)
        .setCommentsCount(12L)
        .setUnavailable(
            List.of(
                new UnavailableMetric(
                    "profile_visits", UnavailableReason.NO_DATA_YET, "empty data array")))
        .build();
  }

  public static AccountInsightSnapshot accountInsightSnapshot(String igUserId) {
    return AccountInsightSnapshot.newBuilder()
        .setIgUserId(igUserId)
        .setDay(LocalDate.parse("2026-11-20"))
        .setCapturedAt(CAPTURED)
        .setApiVersion("v24.0")
        .setFollowersCount(10_250L)
        .setNewFollowers(42L)
        .setReach(5_300L)
        .setViews(12_000L)
        .setTotalInteractions(800L)
        .setAccountsEngaged(610L)
        .setDemographics(
            List.of(
                new DemographicBreakdown(
                    AudienceKind.FOLLOWERS, "city", Map.of("London, England", 263L))))
        .setUnavailable(
            List.of(
                new UnavailableMetric(
                    "online_followers", UnavailableReason.PERMISSION_DENIED, null)))
        .build();
  }

  public static AccountTrend accountTrend(String igUserId) {
    return AccountTrend.newBuilder()
        .setIgUserId(igUserId)
        .setWindowStart(Instant.parse("2026-11-21T08:00:00Z"))
        .setWindowEnd(Instant.parse("2026-11-21T09:00:00Z"))
        .setEngagementGained(340L)
        .setReachGained(2_100L)
        .setViewsGained(5_000L)
        .setContributingMedia(3)
        .setTopMedia(List.of(new MediaContribution("18000000000000001", 200L)))
        .setVelocityPerHour(340.0)
        .setBaselineVelocityPerHour(120.5)
        .setTrendScore(1.82)
        .setUpdatedAt(CAPTURED)
        .build();
  }

  public static HashtagTrend hashtagTrend(String hashtag) {
    return HashtagTrend.newBuilder()
        .setHashtag(hashtag)
        .setWindowStart(Instant.parse("2026-11-21T08:00:00Z"))
        .setWindowEnd(Instant.parse("2026-11-21T09:00:00Z"))
        .setEngagementGained(900L)
        .setDistinctMedia(14)
        .setDistinctAccounts(9)
        .setVelocityPerHour(900.0)
        .setBaselineVelocityPerHour(300.0)
        .setTrendScore(2.0)
        .setRank(1)
        .setUpdatedAt(CAPTURED)
        .build();
  }
}
