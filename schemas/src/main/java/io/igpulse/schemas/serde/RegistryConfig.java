package io.igpulse.schemas.serde;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the schema registry is and how igpulse uses it. Parsed once from the environment; the only
 * input of {@link ApicurioSerdes}, so no service writes Apicurio serde settings by hand.
 *
 * @param url base URL of an Apicurio Registry (bare, or ending in {@code /apis/registry/v3})
 * @param autoRegister whether producers register their schema (true for igpulse's own services: the
 *     registry's compatibility rule then guards evolution); false makes a producer fail on an
 *     unregistered schema
 * @param artifactStrategy how a schema is named in the registry
 */
public record RegistryConfig(URI url, boolean autoRegister, ArtifactStrategy artifactStrategy) {

  /** Environment variable naming the registry. */
  public static final String ENV_URL = "IGPULSE_REGISTRY_URL";

  /** Environment variable switching auto-registration (default true). */
  public static final String ENV_AUTO_REGISTER = "IGPULSE_REGISTRY_AUTO_REGISTER";

  /** Environment variable choosing the artifact strategy (default TOPIC). */
  public static final String ENV_ARTIFACT_STRATEGY = "IGPULSE_REGISTRY_ARTIFACT_STRATEGY";

  public RegistryConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(artifactStrategy, "artifactStrategy");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("registry URL must be http(s), got " + url);
    }
  }

  /** The usual config: auto-register, one artifact per topic. */
  public static RegistryConfig of(String url) {
    return new RegistryConfig(URI.create(url), true, ArtifactStrategy.TOPIC);
  }

  /** Reads the registry settings from an environment map; {@value #ENV_URL} is required. */
  public static RegistryConfig fromEnv(Map<String, String> env) {
    String url = env.get(ENV_URL);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(ENV_URL + " is required (e.g. http://localhost:8081)");
    }
    boolean autoRegister = Boolean.parseBoolean(env.getOrDefault(ENV_AUTO_REGISTER, "true").trim());
    ArtifactStrategy strategy =
        ArtifactStrategy.valueOf(
            env.getOrDefault(ENV_ARTIFACT_STRATEGY, ArtifactStrategy.TOPIC.name())
                .trim()
                .toUpperCase(Locale.ROOT));
    return new RegistryConfig(URI.create(url.trim()), autoRegister, strategy);
  }

  /** How schemas are named in the registry. */
  public enum ArtifactStrategy {
    /**
     * Group {@code default}, artifact {@code <topic>-value}: one evolving schema per topic (the
     * default).
     */
    TOPIC("io.apicurio.registry.serde.strategy.TopicIdStrategy"),
    /**
     * Artifact named after the record's full name, grouped by namespace: one schema shared by many
     * topics.
     */
    RECORD("io.apicurio.registry.serde.avro.strategy.RecordIdStrategy");

    private final String className;

    ArtifactStrategy(String className) {
      this.className = className;
    }

    /** The Apicurio strategy class implementing it. */
    public String className() {
      return className;
    }
  }
}
