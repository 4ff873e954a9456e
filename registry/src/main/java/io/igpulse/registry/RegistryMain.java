package io.igpulse.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the registry stand-alone: parse arguments, start, announce, close on shutdown. */
public final class RegistryMain {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryMain.class);

  private RegistryMain() {}

  public static void main(String[] args) {
    EmbeddedRegistry registry;
    try {
      RegistryArgs parsed = RegistryArgs.parse(args);
      LOG.info("starting registry: {}", parsed.describe());
      registry = EmbeddedRegistry.start(parsed.host(), parsed.port(), parsed.dataDir());
    } catch (RuntimeException e) {
      LOG.error("registry failed to start", e);
      System.err.println("registry failed to start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "registry-shutdown"));
    // The ready line is the contract with scripts that wait for it: stdout, exactly this text.
    System.out.println("registry listening on " + registry.baseUrl());
    System.out.flush();
  }
}
