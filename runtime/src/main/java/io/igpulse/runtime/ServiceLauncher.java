package io.igpulse.runtime;

import io.igpulse.schemas.serde.AvroLimits;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every {@code main} does after parsing config: start the service, install a named shutdown
 * hook (SIGTERM closes it gracefully), and exit 1 when the start fails or does not finish in time.
 */
public final class ServiceLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

  /** Builds a service; may throw (bad config) and the launcher exits 1. */
  @FunctionalInterface
  public interface Factory {
    Service create() throws Exception;
  }

  private ServiceLauncher() {}

  public static void run(String name, Duration startTimeout, Factory factory) {
    Service service = null;
    try {
      // Before any record is decoded: a length bomb must fail as a corrupt record. Were Avro's
      // limits loaded before igpulse's serdes set them, no record handler could catch the
      // OutOfMemoryError that follows, so such a process must not start.
      AvroLimits.install();
      if (AvroLimits.loadedTooLate()) {
        throw new IllegalStateException(
            "Avro's decoding limits (org.apache.avro.limits.*) are not in force; set them with"
                + " -D or do not load Avro before the service");
      }
      service = factory.create();
      Runtime.getRuntime().addShutdownHook(new Thread(service::close, name + "-shutdown"));
      service
          .start()
          .toCompletionStage()
          .toCompletableFuture()
          .get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("{} started", name);
    } catch (Exception e) {
      LOG.error("{} failed to start: {}", name, e.toString(), e);
      if (service != null) {
        service.close();
      }
      System.exit(1);
    }
  }
}
