package io.igpulse.testkit.registry;

import io.igpulse.testkit.net.TcpGate;

/**
 * A registry reached through a {@link TcpGate}: whoever is given this one's URL loses the registry
 * while the gate is shut, and finds it again, schemas and ids unchanged, once it opens. Works the
 * same in front of the in-JVM registry, a container or an external Apicurio.
 */
public record GatedRegistry(SchemaRegistry behind, TcpGate gate) implements SchemaRegistry {

  public static GatedRegistry inFrontOf(SchemaRegistry registry) {
    return new GatedRegistry(registry, TcpGate.to(registry.url()));
  }

  @Override
  public String url() {
    return "http://127.0.0.1:" + gate.port();
  }

  @Override
  public String description() {
    return behind.description() + ", through a gate at " + url();
  }

  /** Closes the gate only: the registry behind it belongs to whoever started it. */
  @Override
  public void close() {
    gate.close();
  }
}
