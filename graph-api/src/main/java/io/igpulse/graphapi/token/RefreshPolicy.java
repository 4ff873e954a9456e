package io.igpulse.graphapi.token;

import java.time.Duration;
import java.time.Instant;

/**
 * When to refresh an Instagram-Login long-lived token: the API only refreshes tokens at least 24 h
 * old, and a token that expires is lost (the user must log in again), so refresh once it is old
 * enough and its expiry is within {@code ahead}.
 */
public record RefreshPolicy(Duration minimumAge, Duration ahead) {

  public static final RefreshPolicy DEFAULT =
      new RefreshPolicy(Duration.ofHours(24), Duration.ofDays(10));

  public boolean isDue(AccessToken token, Instant now) {
    if (token.expiresAt().isEmpty()) {
      return false;
    }
    boolean oldEnough = token.issuedAt().map(at -> !now.isBefore(at.plus(minimumAge))).orElse(true);
    boolean nearExpiry = !now.isBefore(token.expiresAt().get().minus(ahead));
    return oldEnough && nearExpiry;
  }
}
