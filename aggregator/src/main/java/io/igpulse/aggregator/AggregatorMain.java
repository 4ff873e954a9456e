package io.igpulse.aggregator;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.service.AggregatorService;
import io.igpulse.runtime.ServiceLauncher;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: parse config, log it, start; the launcher owns the shutdown hook and exit 1. */
public final class AggregatorMain {

  private static final Logger LOG = LoggerFactory.getLogger(AggregatorMain.class);

  private AggregatorMain() {}

  public static void main(String[] args) {
    ServiceLauncher.run(
        "aggregator",
        Duration.ofMinutes(2),
        () -> {
          AggregatorConfig config = AggregatorConfig.fromEnv(System.getenv());
          LOG.info("Starting aggregator with {}", config.describe());
          return new AggregatorService(config, config.clock().clock());
        });
  }
}
