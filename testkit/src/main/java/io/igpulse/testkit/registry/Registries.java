package io.igpulse.testkit.registry;

import io.igpulse.registry.EmbeddedRegistry;
import io.igpulse.testkit.kafka.KafkaClusters;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Chooses the registry an IT gets, in this order: a running Apicurio Registry named by {@value
 * #ENV_URL}; an Apicurio container when Docker answers; else the in-JVM {@link EmbeddedRegistry}
 * (in memory, on loopback).
 */
public final class Registries {

  /** Environment variable (or system property) naming a running Apicurio Registry to use as is. */
  public static final String ENV_URL = "IGPULSE_REGISTRY_URL";

  /** The real registry image for containers and compose. */
  public static final String IMAGE = "apicurio/apicurio-registry:3.1.7";

  private Registries() {}

  public static SchemaRegistry start() {
    Optional<String> external =
        Optional.ofNullable(System.getProperty(ENV_URL))
            .or(() -> Optional.ofNullable(System.getenv(ENV_URL)))
            .map(String::trim)
            .filter(u -> !u.isEmpty());
    if (external.isPresent()) {
      return new External(stripApiPath(external.get()));
    }
    if (KafkaClusters.dockerAvailable()) {
      return Container.start();
    }
    return new Embedded(EmbeddedRegistry.start("127.0.0.1", 0, Optional.empty()));
  }

  private static String stripApiPath(String url) {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return base.endsWith(EmbeddedRegistry.API_PREFIX)
        ? base.substring(0, base.length() - EmbeddedRegistry.API_PREFIX.length())
        : base;
  }

  private record External(String url) implements SchemaRegistry {
    @Override
    public String description() {
      return "external Apicurio Registry at " + url + " (" + ENV_URL + ")";
    }

    @Override
    public void close() {
      // Not ours to stop.
    }
  }

  private record Embedded(EmbeddedRegistry server) implements SchemaRegistry {
    @Override
    public String url() {
      return server.baseUrl();
    }

    @Override
    public String description() {
      return "in-JVM embedded registry (Apicurio v3 API) at "
          + url()
          + " (no "
          + ENV_URL
          + ", no Docker)";
    }

    @Override
    public Optional<EmbeddedRegistry> embedded() {
      return Optional.of(server);
    }

    @Override
    public void close() {
      server.close();
    }
  }

  private record Container(GenericContainer<?> container) implements SchemaRegistry {
    static Container start() {
      GenericContainer<?> container =
          new GenericContainer<>(DockerImageName.parse(IMAGE))
              .withExposedPorts(8080)
              .waitingFor(Wait.forHttp("/health/ready").forStatusCode(200));
      container.start();
      return new Container(container);
    }

    @Override
    public String url() {
      return "http://" + container.getHost() + ":" + container.getMappedPort(8080);
    }

    @Override
    public String description() {
      return "Testcontainers " + IMAGE + " at " + url();
    }

    @Override
    public void close() {
      container.stop();
    }
  }
}
