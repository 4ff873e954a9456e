package io.igpulse.simulator.api.limits;

import io.igpulse.simulator.api.auth.TokenInfo;
import io.igpulse.simulator.api.auth.TokenKind;
import io.igpulse.simulator.world.World;
import java.util.HashMap;
import java.util.Map;

/**
 * The budgets the real API meters: BUC per app–account pair over 24 h (80002), the app's platform
 * budget over an hour (4), a per-token budget for Page and user reads (32 / 17) and a platform
 * budget for hashtag endpoints (613). A throttled call is refused and not counted.
 */
public final class RateLimiter {

  private static final long DAY = 86_400L;
  private static final long HOUR = 3_600L;

  private final World world;
  private final RateLimitConfig config;
  private final WindowCounter[] buc;
  private final WindowCounter app = new WindowCounter(HOUR, 60);
  private final Map<Integer, WindowCounter> hashtag = new HashMap<>();
  private final Map<String, WindowCounter> perToken = new HashMap<>();

  public RateLimiter(World world, RateLimitConfig config) {
    this.world = world;
    this.config = config;
    this.buc = new WindowCounter[world.accountCount()];
  }

  public RateLimitConfig config() {
    return config;
  }

  /** Charges one BUC call for the account; the throttle code, or 0 when the call may proceed. */
  public synchronized int chargeBuc(int account, long nowSec) {
    WindowCounter counter = bucCounter(account);
    if (counter.total(nowSec) >= bucBudget(account)) {
      return 80002;
    }
    counter.add(nowSec);
    return 0;
  }

  /** Charges a platform call (not BUC): the app's hourly budget, then the token's. */
  public synchronized int chargePlatform(TokenInfo token, long nowSec) {
    if (app.total(nowSec) >= appBudget()) {
      return 4;
    }
    WindowCounter tokenCounter =
        perToken.computeIfAbsent(token.token(), t -> new WindowCounter(HOUR, 60));
    if (tokenCounter.total(nowSec) >= config.tokenCallsPerHour()) {
      return token.kind() == TokenKind.PAGE ? 32 : 17;
    }
    app.add(nowSec);
    tokenCounter.add(nowSec);
    return 0;
  }

  /** Charges a hashtag call made on behalf of {@code account} (the user_id parameter). */
  public synchronized int chargeHashtag(int account, TokenInfo token, long nowSec) {
    WindowCounter counter = hashtag.computeIfAbsent(account, a -> new WindowCounter(HOUR, 60));
    if (counter.total(nowSec) >= config.hashtagCallsPerUserPerHour()) {
      return 613;
    }
    int platform = chargePlatform(token, nowSec);
    if (platform == 0) {
      counter.add(nowSec);
    }
    return platform;
  }

  public synchronized Usage bucUsage(int account, long nowSec) {
    WindowCounter counter = bucCounter(account);
    long budget = bucBudget(account);
    return Usage.of(counter.total(nowSec), budget, counter.secondsUntilBelow(nowSec, budget));
  }

  public synchronized Usage appUsage(long nowSec) {
    long budget = appBudget();
    return Usage.of(app.total(nowSec), budget, app.secondsUntilBelow(nowSec, budget));
  }

  public long bucBudget(int account) {
    if (config.bucCallsPer24h() > 0) {
      return config.bucCallsPer24h();
    }
    return (long) config.bucCallsPerImpression() * world.account(account).dailyImpressions();
  }

  private long appBudget() {
    return (long) config.appCallsPerUserPerHour() * world.accountCount();
  }

  private WindowCounter bucCounter(int account) {
    WindowCounter counter = buc[account];
    if (counter == null) {
      counter = new WindowCounter(DAY, 96);
      buc[account] = counter;
    }
    return counter;
  }
}
