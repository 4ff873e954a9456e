package io.igpulse.simulator.api.auth;

/**
 * One known token.
 *
 * @param account the account a Page token belongs to, -1 for user tokens
 * @param expiresSec when it stops working; {@link Long#MAX_VALUE} for tokens that never expire
 */
public record TokenInfo(
    String token, TokenKind kind, int account, long issuedSec, long expiresSec, String proof) {

  /** Label for stats: never the token itself. */
  public String label() {
    return switch (kind) {
      case PAGE -> "account:" + account + ":" + token.substring(token.length() - 6);
      case SYSTEM_USER -> "system_user";
      case USER_WITHOUT_BUSINESS_MANAGEMENT -> "user_without_business_management";
    };
  }
}
