package io.igpulse.graphapi.token;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens by reference, as every service loads them: {@code IGPULSE_TOKEN_<ref>} variables first,
 * then the secrets file ({@code IGPULSE_TOKENS_FILE}, a mounted properties file {@code
 * <ref>=<token>}). Every token is handed to the redactor, so that it is masked wherever it might
 * surface.
 */
public final class ReferencedTokens implements TokenProvider {

  private final TokenProvider env;
  private final Optional<TokenProvider> file;

  private ReferencedTokens(TokenProvider env, Optional<TokenProvider> file) {
    this.env = env;
    this.file = file;
  }

  /**
   * Reads the secrets file now, once: call it at start-up, not on an event loop.
   *
   * @throws IOException when the file is named but cannot be read
   */
  public static ReferencedTokens load(
      Map<String, String> env, Optional<String> secretsFile, TokenRedactor redactor)
      throws IOException {
    TokenProvider fromEnv = InMemoryTokenProvider.fromEnv(env, redactor);
    Optional<TokenProvider> fromFile = Optional.empty();
    if (secretsFile.isPresent()) {
      fromFile =
          Optional.of(InMemoryTokenProvider.fromSecretsFile(Path.of(secretsFile.get()), redactor));
    }
    return new ReferencedTokens(fromEnv, fromFile);
  }

  @Override
  public Optional<AccessToken> tokenFor(String accountRef) {
    Optional<AccessToken> t = env.tokenFor(accountRef);
    return t.isPresent() ? t : file.flatMap(f -> f.tokenFor(accountRef));
  }

  @Override
  public String toString() {
    return "ReferencedTokens[env" + (file.isPresent() ? " + secrets file" : "") + "]";
  }
}
