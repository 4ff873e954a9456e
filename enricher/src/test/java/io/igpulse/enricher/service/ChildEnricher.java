package io.igpulse.enricher.service;

import io.igpulse.simulator.world.Media;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The enricher's runnable jar in a child process, so that a test can kill it the hard way ({@code
 * destroyForcibly}: SIGKILL, no shutdown hook, no commit) and start it again on the same state
 * directory, as an orchestrator would after a node failure.
 */
final class ChildEnricher implements AutoCloseable {

  private final Process process;

  private ChildEnricher(Process process) {
    this.process = process;
  }

  static ChildEnricher start(
      EnricherHarness h, String applicationId, Path stateDir, List<Media> media, Path log) {
    File jar = runnableJar();
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-jar",
            jar.getAbsolutePath());
    Map<String, String> env = pb.environment();
    env.put("IGPULSE_KAFKA_BOOTSTRAP_SERVERS", h.kafka().bootstrapServers());
    env.put("IGPULSE_REGISTRY_URL", h.registry().config().url().toString());
    env.put("IGPULSE_GRAPH_BASE_URL", h.sim().baseUrl());
    env.put("IGPULSE_ENRICHER_APPLICATION_ID", applicationId);
    env.put("IGPULSE_ENRICHER_STATE_DIR", stateDir.toString());
    env.put("IGPULSE_CLOCK", "simulator");
    env.put("IGPULSE_ENRICHER_TICK", "PT0.2S");
    env.put("IGPULSE_ENRICHER_CALLS_PER_HOUR", "100000");
    env.put("IGPULSE_ENRICHER_ACCOUNT_INSIGHTS", "false");
    env.put("IGPULSE_ENRICHER_FETCH_TIMEOUT", "PT10S");
    env.put("IGPULSE_ENRICHER_MANAGEMENT_PORT", "0");
    // A wide commit interval leaves each round's snapshots in an open transaction for a while:
    // the window the test kills the process in.
    env.put("IGPULSE_STREAMS_COMMIT_INTERVAL_MS", "5000");
    // The killed member is noticed after this, instead of the 45 s default.
    env.put("IGPULSE_STREAMS_SESSION_TIMEOUT_MS", "6000");
    for (Media m : media) {
      env.put("IGPULSE_TOKEN_" + h.accountId(m), h.sim().world().account(m.account()).token());
    }
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      return new ChildEnricher(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook runs, the open transaction is neither committed nor aborted. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private static File runnableJar() {
    File[] jars =
        new File("target")
            .listFiles(
                (dir, name) -> name.startsWith("igpulse-enricher-") && name.endsWith("-all.jar"));
    if (jars == null || jars.length == 0) {
      throw new AssertionError("the runnable jar is built by the package phase: run mvn verify");
    }
    return jars[0];
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
