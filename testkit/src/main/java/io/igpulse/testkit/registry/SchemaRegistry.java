package io.igpulse.testkit.registry;

import io.igpulse.registry.EmbeddedRegistry;
import io.igpulse.schemas.serde.RegistryConfig;
import java.util.Optional;

/** A registry speaking Apicurio's REST API v3, as an IT sees it. */
public interface SchemaRegistry extends AutoCloseable {

  /** Base URL (without {@code /apis/registry/v3}). */
  String url();

  /** The REST API v3 root, for tests that read the registry directly. */
  default String apiUrl() {
    return url() + EmbeddedRegistry.API_PREFIX;
  }

  /** What kind of registry this is, for the log line every IT prints. */
  String description();

  /** The config every igpulse serde is built from. */
  default RegistryConfig config() {
    return RegistryConfig.of(url());
  }

  /** The embedded registry, when this is one: it records the calls it served. */
  default Optional<EmbeddedRegistry> embedded() {
    return Optional.empty();
  }

  @Override
  void close();
}
