package io.igpulse.enricher.service;

import io.igpulse.simulator.world.Media;
import io.igpulse.testkit.process.ChildService;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The enricher's runnable jar in a child process ({@link ChildService}), so that a test can kill it
 * the hard way and start it again on the same state directory.
 */
final class ChildEnricher implements AutoCloseable {

  private final ChildService process;

  private ChildEnricher(ChildService process) {
    this.process = process;
  }

  static ChildEnricher start(
      EnricherHarness h, String applicationId, Path stateDir, List<Media> media, Path log) {
    Map<String, String> env = new HashMap<>();
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
    return new ChildEnricher(ChildService.start("enricher", env, log));
  }

  boolean alive() {
    return process.alive();
  }

  /** SIGKILL: no shutdown hook runs, the open transaction is neither committed nor aborted. */
  void kill() {
    process.kill();
  }

  @Override
  public void close() {
    process.close();
  }
}
