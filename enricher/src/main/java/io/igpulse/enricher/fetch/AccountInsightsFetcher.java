package io.igpulse.enricher.fetch;

import io.igpulse.events.AccountInsightSnapshot;
import io.igpulse.events.AudienceKind;
import io.igpulse.events.DemographicBreakdown;
import io.igpulse.events.UnavailableMetric;
import io.igpulse.events.UnavailableReason;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.graphapi.model.AccountInsight;
import io.igpulse.graphapi.model.AccountInsightsQuery;
import io.igpulse.graphapi.model.IgAccount;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One day of an account's insights plus its lifetime follower demographics, read the way the API
 * allows: {@code reach}, {@code views}, {@code total_interactions} and {@code accounts_engaged} as
 * {@code total_value} over the day (views, interactions and engaged accounts refuse {@code
 * time_series}); {@code follower_count} as a {@code time_series} (it refuses {@code total_value}
 * and only answers within the last 30 days); demographics one breakdown per request: {@link
 * #CALLS_PER_DAY} calls per account per day. A metric that fails is listed as unavailable with why;
 * only a throttle, an auth failure or a refusal of the account aborts the day (it is then read
 * again later).
 */
public final class AccountInsightsFetcher {

  /** The snapshot, or the error that stopped the read (the day stays due). */
  public record Result(AccountInsightSnapshot snapshot, GraphError stop) {}

  static final List<String> DAILY =
      List.of("reach", "views", "total_interactions", "accounts_engaged");
  static final List<String> DIMENSIONS = List.of("age", "gender", "country", "city");

  /** What one day costs: the profile, the daily totals, the followers, one call per dimension. */
  public static final int CALLS_PER_DAY = 3 + DIMENSIONS.size();

  /** The API's account days end at Pacific midnight: 08:00 UTC. */
  public static final Duration API_DAY_END = Duration.ofHours(8);

  private final GraphClient client;
  private final Clock clock;
  private final Duration timeout;

  public AccountInsightsFetcher(GraphClient client, Clock clock, Duration timeout) {
    this.client = client;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Reads the API day {@code [since, since + 1 day)}; {@code day} names it in the snapshot. */
  public Result read(AccessToken token, String account, Instant since, LocalDate day) {
    Instant until = since.plus(Duration.ofDays(1));
    List<UnavailableMetric> unavailable = new ArrayList<>();
    GraphResult<IgAccount> profile = await(client.account(token, account));
    if (stops(profile.error())) {
      return new Result(null, profile.error());
    }
    GraphResult<List<AccountInsight>> daily =
        await(
            client.accountInsights(
                token, account, AccountInsightsQuery.dailyTotals(DAILY, since, until)));
    if (stops(daily.error())) {
      return new Result(null, daily.error());
    }
    GraphResult<List<AccountInsight>> followers =
        await(
            client.accountInsights(
                token,
                account,
                AccountInsightsQuery.daily(List.of("follower_count"), since, until)));
    if (stops(followers.error())) {
      return new Result(null, followers.error());
    }
    List<DemographicBreakdown> demographics = new ArrayList<>();
    for (String dimension : DIMENSIONS) {
      GraphResult<List<AccountInsight>> cells =
          await(
              client.accountInsights(
                  token,
                  account,
                  AccountInsightsQuery.demographics("follower_demographics", dimension)));
      if (stops(cells.error())) {
        return new Result(null, cells.error());
      }
      if (cells.isSuccess()) {
        Map<String, Long> values = new LinkedHashMap<>();
        cells
            .value()
            .forEach(
                m ->
                    m.breakdowns()
                        .forEach(b -> values.put(String.join("/", b.values()), b.value())));
        demographics.add(new DemographicBreakdown(AudienceKind.FOLLOWERS, dimension, values));
      } else {
        unavailable.add(
            new UnavailableMetric(
                "follower_demographics/" + dimension,
                reason(cells.error()),
                cells.error().describe()));
      }
    }
    Map<String, Long> totals = totals(daily, unavailable);
    Long newFollowers = lastPoint(followers);
    if (newFollowers == null) {
      unavailable.add(
          new UnavailableMetric(
              "follower_count",
              reason(followers.error()),
              followers.isSuccess() ? null : followers.error().describe()));
    }
    AccountInsightSnapshot snapshot =
        AccountInsightSnapshot.newBuilder()
            .setIgUserId(account)
            .setDay(day)
            .setCapturedAt(clock.instant())
            .setApiVersion(client.config().version().toString())
            .setFollowersCount(profile.isSuccess() ? profile.value().followersCount() : null)
            .setNewFollowers(newFollowers)
            .setReach(totals.get("reach"))
            .setViews(totals.get("views"))
            .setTotalInteractions(totals.get("total_interactions"))
            .setAccountsEngaged(totals.get("accounts_engaged"))
            .setDemographics(demographics)
            .setUnavailable(unavailable)
            .build();
    return new Result(snapshot, null);
  }

  /**
   * The API day that ended last before {@code now}, days ending at {@code dayEnd} past midnight
   * UTC.
   */
  public static Instant lastCompleteDayStart(Instant now, Duration dayEnd) {
    Instant midnight =
        now.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = midnight.plus(dayEnd);
    if (end.isAfter(now)) {
      end = end.minus(Duration.ofDays(1));
    }
    return end.minus(Duration.ofDays(1));
  }

  private static Map<String, Long> totals(
      GraphResult<List<AccountInsight>> daily, List<UnavailableMetric> unavailable) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (daily.isSuccess()) {
      for (AccountInsight m : daily.value()) {
        if (m.total() != null) {
          out.put(m.name(), m.total());
        }
      }
    }
    for (String name : DAILY) {
      if (!out.containsKey(name)) {
        unavailable.add(
            new UnavailableMetric(
                name,
                daily.isSuccess() ? UnavailableReason.NO_DATA_YET : reason(daily.error()),
                daily.isSuccess() ? null : daily.error().describe()));
      }
    }
    return out;
  }

  private static Long lastPoint(GraphResult<List<AccountInsight>> series) {
    if (!series.isSuccess()) {
      return null;
    }
    for (AccountInsight m : series.value()) {
      if (m.name().equals("follower_count") && !m.series().isEmpty()) {
        return m.series().get(m.series().size() - 1).value();
      }
    }
    return null;
  }

  private static boolean stops(GraphError error) {
    return error instanceof GraphError.Throttled
        || error instanceof GraphError.AuthFailed
        || error instanceof GraphError.AccountBlocked;
  }

  private static UnavailableReason reason(GraphError error) {
    if (error instanceof GraphError.Rejected r && r.code() == 10) {
      return UnavailableReason.PERMISSION_DENIED;
    }
    if (error instanceof GraphError.UnsupportedMetric) {
      return UnavailableReason.RETIRED;
    }
    if (error == null) {
      return UnavailableReason.NO_DATA_YET;
    }
    return UnavailableReason.UNKNOWN;
  }

  private <T> GraphResult<T> await(Future<GraphResult<T>> call) {
    return Blocking.await(call, timeout)
        .orElseGet(
            () -> GraphResult.failed(new GraphError.Transient("no answer within " + timeout)));
  }
}
