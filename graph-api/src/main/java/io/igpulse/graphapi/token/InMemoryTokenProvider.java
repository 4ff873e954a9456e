package io.igpulse.graphapi.token;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens held in memory, seeded from the environment or a secrets file (see the factories) and
 * updated in place when a token is refreshed. Registers every token with the redactor so that it is
 * masked wherever it might surface.
 */
public final class InMemoryTokenProvider implements TokenProvider {

  private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
  private final TokenRedactor redactor;

  public InMemoryTokenProvider(Map<String, AccessToken> initial, TokenRedactor redactor) {
    this.redactor = redactor;
    initial.forEach(this::update);
  }

  /**
   * From variables {@code IGPULSE_TOKEN_<ref>} (e.g. {@code IGPULSE_TOKEN_17841400000000000}); a
   * {@code IGPULSE_TOKEN_DEFAULT} answers for any account without its own.
   */
  public static InMemoryTokenProvider fromEnv(Map<String, String> env, TokenRedactor redactor) {
    Map<String, AccessToken> seed = new HashMap<>();
    env.forEach(
        (k, v) -> {
          if (k.startsWith("IGPULSE_TOKEN_") && !v.isBlank()) {
            seed.put(k.substring("IGPULSE_TOKEN_".length()), AccessToken.of(v.trim()));
          }
        });
    return new InMemoryTokenProvider(seed, redactor);
  }

  /**
   * From a properties file of {@code <account ref>=<token>} lines (mounted secret). Reads the file
   * once, on the calling thread: call it at start-up, not on an event loop.
   */
  public static InMemoryTokenProvider fromSecretsFile(Path file, TokenRedactor redactor)
      throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    Map<String, AccessToken> seed = new HashMap<>();
    for (String name : p.stringPropertyNames()) {
      String v = p.getProperty(name).trim();
      if (!v.isEmpty()) {
        seed.put(name.trim(), AccessToken.of(v));
      }
    }
    return new InMemoryTokenProvider(seed, redactor);
  }

  @Override
  public Optional<AccessToken> tokenFor(String accountRef) {
    AccessToken t = tokens.get(accountRef);
    return Optional.ofNullable(t != null ? t : tokens.get("DEFAULT"));
  }

  @Override
  public void update(String accountRef, AccessToken fresh) {
    redactor.register(fresh.value());
    tokens.put(accountRef, fresh);
  }

  @Override
  public String toString() {
    return "InMemoryTokenProvider[" + tokens.size() + " tokens]";
  }
}
