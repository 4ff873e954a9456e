package io.igpulse.graphapi;

import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.pacing.PacingClock;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.RefreshPolicy;
import io.igpulse.graphapi.token.TokenProvider;
import io.vertx.core.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out an account's token, refreshing an Instagram-Login token first when the {@link
 * RefreshPolicy} says it is due, and storing the fresh one in the provider. A failed refresh keeps
 * the old token (it is still valid until it expires) and is logged without the token.
 */
public final class TokenRefresher {

  private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);
  private final GraphClient client;
  private final TokenProvider provider;
  private final RefreshPolicy policy;
  private final PacingClock clock;

  public TokenRefresher(
      GraphClient client, TokenProvider provider, RefreshPolicy policy, PacingClock clock) {
    this.client = client;
    this.provider = provider;
    this.policy = policy;
    this.clock = clock;
  }

  public Future<Optional<AccessToken>> tokenFor(String accountRef) {
    Optional<AccessToken> current = provider.tokenFor(accountRef);
    if (current.isEmpty()
        || !client.config().flavour().refreshesTokens()
        || !policy.isDue(current.get(), clock.now())) {
      return Future.succeededFuture(current);
    }
    return client
        .refreshToken(current.get())
        .map(
            (GraphResult<AccessToken> r) -> {
              if (!r.isSuccess()) {
                LOG.warn("token refresh for {} failed: {}", accountRef, r.error().describe());
                return current;
              }
              provider.update(accountRef, r.value());
              LOG.info("refreshed token of {}: {}", accountRef, r.value());
              return Optional.of(r.value());
            });
  }
}
