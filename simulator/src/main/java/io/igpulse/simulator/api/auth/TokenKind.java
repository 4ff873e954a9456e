package io.igpulse.simulator.api.auth;

/** What a token stands for; decides what {@code /me/accounts} lists and which throttle applies. */
public enum TokenKind {
  /** A Page token of one account (long-lived, 60 days). */
  PAGE,
  /** A system-user token with business_management: sees every Page, never expires. */
  SYSTEM_USER,
  /** A user token lacking business_management: {@code /me/accounts} is silently empty. */
  USER_WITHOUT_BUSINESS_MANAGEMENT
}
