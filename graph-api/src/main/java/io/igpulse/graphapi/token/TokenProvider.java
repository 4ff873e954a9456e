package io.igpulse.graphapi.token;

import java.util.Optional;

/**
 * Where the token of an account comes from. Tokens never travel through Kafka: account
 * registrations carry a reference (usually the IG user id) that a provider resolves locally.
 */
public interface TokenProvider {

  /** The token for the account reference, or empty when none is configured. */
  Optional<AccessToken> tokenFor(String accountRef);

  /** Replaces a token after a refresh; providers that cannot store say so. */
  default void update(String accountRef, AccessToken fresh) {
    throw new UnsupportedOperationException("this token provider is read-only");
  }
}
