package io.igpulse.enricher;

import io.igpulse.enricher.config.EnricherConfig;
import io.igpulse.enricher.service.EnricherService;
import io.igpulse.runtime.ServiceLauncher;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: parse config, log it, start; the launcher owns the shutdown hook and exit 1. */
public final class EnricherMain {

  private static final Logger LOG = LoggerFactory.getLogger(EnricherMain.class);

  private EnricherMain() {}

  public static void main(String[] args) {
    ServiceLauncher.run(
        "enricher",
        Duration.ofMinutes(2),
        () -> {
          EnricherConfig config = EnricherConfig.fromEnv(System.getenv());
          LOG.info("Starting enricher with {}", config.describe());
          return new EnricherService(config, System.getenv());
        });
  }
}
