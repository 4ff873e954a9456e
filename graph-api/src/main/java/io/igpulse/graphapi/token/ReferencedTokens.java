package io.igpulse.collector.service;

import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.InMemoryTokenProvider;
import io.igpulse.graphapi.token.TokenProvider;
import io.igpulse.graphapi.token.TokenRedactor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens by reference: {@code IGPULSE_TOKEN_<ref>} variables first, then the secrets file (a
 * mounted properties file {@code <ref>=<token>}). Every token is handed to the redactor, so that it
 * is masked wherever it might surface.
 */
public final class Tokens implements TokenProvider {

  private final TokenProvider env;
  private final Optional<TokenProvider> file;

  private Tokens(TokenProvider env, Optional<TokenProvider> file) {
    this.env = env;
    this.file = file;
  }

  public static Tokens load(
      Map<String, String> env, Optional<String> secretsFile, TokenRedactor redactor)
      throws IOException {
    TokenProvider fromEnv = InMemoryTokenProvider.fromEnv(env, redactor);
    Optional<TokenProvider> fromFile = Optional.empty();
    if (secretsFile.isPresent()) {
      fromFile =
          Optional.of(InMemoryTokenProvider.fromSecretsFile(Path.of(secretsFile.get()), redactor));
    }
    return new Tokens(fromEnv, fromFile);
  }

  @Override
  public Optional<AccessToken> tokenFor(String accountRef) {
    Optional<AccessToken> t = env.tokenFor(accountRef);
    return t.isPresent() ? t : file.flatMap(f -> f.tokenFor(accountRef));
  }

  @Override
  public String toString() {
    return "Tokens[env" + (file.isPresent() ? " + secrets file" : "") + "]";
  }
}
