package io.igpulse.simulator.api.auth;

/**
 * One known token.
 *
 * @param account the account a Page token belongs to, -1 for user tokens
 * @param expiresSec when it stops working; {@link Long#MAX_VALUE} for tokens that never expire
 * @param label names the holder in stats without revealing the token
 */
public record TokenInfo(
    String token,
    TokenKind kind,
    int account,
    long issuedSec,
    long expiresSec,
    String proof,
    String label) {}
