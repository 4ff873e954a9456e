package io.igpulse.aggregator;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.service.AggregatorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: parse config, start, install the shutdown hook, exit 1 when start fails. Nothing
 * else.
 */
public final class AggregatorMain {

  private static final Logger LOG = LoggerFactory.getLogger(AggregatorMain.class);

  private AggregatorMain() {}

  public static void main(String[] args) {
    AggregatorService service = null;
    try {
      AggregatorConfig config = AggregatorConfig.fromEnv(System.getenv());
      LOG.info("Starting aggregator with {}", config.describe());
      service = new AggregatorService(config);
      Runtime.getRuntime().addShutdownHook(new Thread(service::close, "aggregator-shutdown"));
      service.start().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      LOG.error("Aggregator failed to start", e);
      if (service != null) {
        service.close();
      }
      System.exit(1);
    }
  }
}
