package io.igpulse.collector;

import io.igpulse.collector.admin.AccountsCli;
import io.igpulse.collector.config.CollectorConfig;
import io.igpulse.collector.service.CollectorService;
import io.igpulse.runtime.ServiceLauncher;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the one jar: no arguments (or {@code run}) starts the service; {@code accounts
 * ...} runs an admin command and exits. Only wires.
 */
public final class CollectorMain {

  private static final Logger LOG = LoggerFactory.getLogger(CollectorMain.class);

  private CollectorMain() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("accounts")) {
      int code =
          new AccountsCli(System.getenv(), System.out, System.err)
              .run(Arrays.copyOfRange(args, 1, args.length));
      System.exit(code);
      return;
    }
    if (args.length > 0 && !args[0].equals("run")) {
      System.err.println("usage: collector [run] | collector accounts add|deactivate|import ...");
      System.exit(2);
      return;
    }
    ServiceLauncher.run(
        "collector",
        Duration.ofMinutes(2),
        () -> {
          CollectorConfig config = CollectorConfig.fromEnv(System.getenv());
          LOG.info("Starting collector with {}", config.describe());
          return new CollectorService(config, System.getenv());
        });
  }
}
