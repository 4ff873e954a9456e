package io.igpulse.simulator.api;

import io.igpulse.simulator.api.auth.AppCredentials;
import io.igpulse.simulator.api.auth.TokenInfo;
import io.igpulse.simulator.api.auth.TokenKind;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Mix;
import io.igpulse.simulator.world.World;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every token the simulated Meta knows, with the 190 rules: unknown, expired (463) and revoked
 * (460) tokens are refused, and {@code appsecret_proof} is checked when the app requires it.
 */
public final class TokenRegistry {

  /** Long-lived tokens last 60 days. */
  public static final long LIFETIME_SEC = 60 * 86_400L;

  /** A token can be refreshed once it is 24 h old. */
  public static final long REFRESH_MIN_AGE_SEC = 86_400L;

  private final AppCredentials app;
  private final long seed;
  private final Map<String, TokenInfo> tokens = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final String systemUserToken;
  private final String userTokenWithoutBusinessManagement;

  public TokenRegistry(World world, AppCredentials app) {
    this.app = app;
    this.seed = world.spec().seed();
    for (int i = 0; i < world.accountCount(); i++) {
      Account a = world.account(i);
      register(a.token(), TokenKind.PAGE, i, a.tokenIssuedSec(), a.tokenIssuedSec() + LIFETIME_SEC);
    }
    long start = world.spec().start().getEpochSecond();
    this.systemUserToken = "EAAU" + HexFormat.of().toHexDigits(Mix.hash(seed, 1, 2, 3)) + "sys";
    register(systemUserToken, TokenKind.SYSTEM_USER, -1, start - 86_400L, Long.MAX_VALUE);
    this.userTokenWithoutBusinessManagement =
        "EAAU" + HexFormat.of().toHexDigits(Mix.hash(seed, 4, 5, 6)) + "nbm";
    register(
        userTokenWithoutBusinessManagement,
        TokenKind.USER_WITHOUT_BUSINESS_MANAGEMENT,
        -1,
        start - 86_400L,
        start + LIFETIME_SEC);
  }

  public String systemUserToken() {
    return systemUserToken;
  }

  public String userTokenWithoutBusinessManagement() {
    return userTokenWithoutBusinessManagement;
  }

  public AppCredentials app() {
    return app;
  }

  /** The token's record if it may be used now; otherwise the 104 / 190 / proof error. */
  public TokenInfo authenticate(String token, String proof, long nowSec) {
    if (token == null || token.isEmpty()) {
      throw GraphErrors.tokenRequired().exception();
    }
    TokenInfo info = tokens.get(token);
    if (info == null) {
      throw GraphErrors.tokenUnknown().exception();
    }
    if (revoked.contains(token)) {
      throw GraphErrors.tokenRevoked().exception();
    }
    if (nowSec >= info.expiresSec()) {
      throw GraphErrors.tokenExpired(info.expiresSec()).exception();
    }
    if (app.requireAppsecretProof() || proof != null) {
      if (proof == null || proof.isEmpty()) {
        throw GraphErrors.appsecretProofMissing().exception();
      }
      if (!proof.equalsIgnoreCase(info.proof())) {
        throw GraphErrors.appsecretProofInvalid().exception();
      }
    }
    return info;
  }

  /**
   * A fresh 60-day token for the same holder. The old one stays valid until it expires, as with the
   * real refresh.
   */
  public TokenInfo refresh(TokenInfo current, long nowSec) {
    if (nowSec - current.issuedSec() < REFRESH_MIN_AGE_SEC) {
      throw GraphErrors.invalidParameter(
              "The access token can only be refreshed once it is at least 24 hours old")
          .exception();
    }
    String fresh =
        "EAAR"
            + HexFormat.of().toHexDigits(Mix.hash(seed, current.token().hashCode(), nowSec))
            + HexFormat.of().toHexDigits(Mix.hash(seed, current.account(), nowSec, 9));
    return register(fresh, current.kind(), current.account(), nowSec, nowSec + LIFETIME_SEC);
  }

  /** Revokes a token (the user changed their password); true if it was known. */
  public boolean revoke(String token) {
    if (!tokens.containsKey(token)) {
      return false;
    }
    revoked.add(token);
    return true;
  }

  public TokenInfo find(String token) {
    return tokens.get(token);
  }

  private TokenInfo register(String token, TokenKind kind, int account, long issued, long expires) {
    String label =
        switch (kind) {
          case PAGE -> "account:" + account + ":" + token.substring(token.length() - 6);
          case SYSTEM_USER -> "system_user";
          case USER_WITHOUT_BUSINESS_MANAGEMENT -> "user_without_business_management";
        };
    TokenInfo info =
        new TokenInfo(token, kind, account, issued, expires, app.proofFor(token), label);
    tokens.put(token, info);
    return info;
  }
}
