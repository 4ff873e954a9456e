package io.igpulse.local;

import java.util.Arrays;
import java.util.Map;

/**
 * {@code java -jar local/target/igpulse-local.jar [--option=value ...]}: the whole pipeline with
 * one command. Only wires: options, log directory, the stack, the console, a named shutdown hook; a
 * setup that cannot start is one line on stderr and exit code 2, any other failed start exit 1.
 */
public final class LocalMain {

  private LocalMain() {}

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(Usage.TEXT);
      return;
    }
    Map<String, String> env = System.getenv();
    LocalConfig config;
    try {
      config = LocalConfig.from(Arrays.asList(args), env);
    } catch (IllegalArgumentException e) {
      System.err.println("igpulse: " + e.getMessage() + " (see --help)");
      System.exit(2);
      return;
    }
    // Before the first logger: the log file lives in the data directory.
    try {
      System.setProperty(
          "igpulse.log.dir", DataDirectory.create(config.dataDir()).resolve("logs").toString());
    } catch (SetupException e) {
      System.err.println("igpulse: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(LocalRun.run(config, env));
  }
}
