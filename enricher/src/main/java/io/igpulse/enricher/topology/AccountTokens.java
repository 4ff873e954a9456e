package io.igpulse.enricher.topology;

import io.igpulse.events.AccountRegistration;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.TokenProvider;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token a followed account is read with: its registration's {@code token_ref} (the account id
 * without a registration), and none while the account is registered inactive. One per processor
 * instance (a task), so an account without a token is reported once per task, not every round.
 */
final class AccountTokens {

  private static final Logger LOG = LoggerFactory.getLogger(AccountTokens.class);

  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<AccountRegistration>> accounts;
  private final TokenProvider tokens;
  private final Set<String> tokenless = new HashSet<>();

  AccountTokens(
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<AccountRegistration>> accounts,
      TokenProvider tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  /** The token of a registered, active account; empty (and its reads wait) otherwise. */
  Optional<AccessToken> tokenOf(String account) {
    ValueAndTimestamp<AccountRegistration> registered = accounts.get(account);
    AccountRegistration registration = registered == null ? null : registered.value();
    if (registration != null && !registration.getActive()) {
      return Optional.empty();
    }
    String ref = registration != null ? registration.getTokenRef() : account;
    Optional<AccessToken> token = tokens.tokenFor(ref);
    if (token.isEmpty() && tokenless.add(account)) {
      LOG.warn("No token for account {} (reference {}): its media wait", account, ref);
    }
    return token;
  }
}
