package io.igpulse.collector.admin;

import io.igpulse.events.AccountRegistration;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.graphapi.model.PageAccount;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.TokenProvider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows every Instagram account reachable from a user token: {@code /me/accounts} lists the
 * token's Pages and their linked IG business accounts; each becomes a registration whose token
 * reference is the one given (the token itself stays in the environment or secrets file).
 */
public final class AccountImport {

  private final Vertx vertx;
  private final GraphClient client;
  private final TokenProvider tokens;
  private final AccountWriter writer;

  public AccountImport(
      Vertx vertx, GraphClient client, TokenProvider tokens, AccountWriter writer) {
    this.vertx = vertx;
    this.client = client;
    this.tokens = tokens;
    this.writer = writer;
  }

  /** The registrations written; fails with a token-free message when the token is refused. */
  public Future<List<AccountRegistration>> importAll(String tokenRef, List<String> hashtags) {
    AccessToken token = tokens.tokenFor(tokenRef).orElse(null);
    if (token == null) {
      return Future.failedFuture(
          new IllegalArgumentException("no token configured for token_ref " + tokenRef));
    }
    return client
        .pages(token)
        .compose(
            (GraphResult<List<PageAccount>> r) -> {
              if (!r.isSuccess()) {
                return Future.failedFuture(
                    new IllegalStateException("/me/accounts refused: " + r.error().describe()));
              }
              List<PageAccount> pages = r.value();
              // Unordered: imports run side by side; their number is bounded where they are
              // admitted.
              return vertx.executeBlocking(
                  () -> {
                    List<AccountWriter.Request> requests = new ArrayList<>();
                    for (PageAccount page : pages) {
                      page.igUserId()
                          .ifPresent(
                              ig ->
                                  requests.add(
                                      new AccountWriter.Request(
                                          ig, page.name(), tokenRef, hashtags, null)));
                    }
                    return writer.registerAll(requests);
                  },
                  false);
            });
  }
}
