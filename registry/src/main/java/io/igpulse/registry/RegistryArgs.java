package io.igpulse.registry;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Command line of the stand-alone registry: {@code [--host 127.0.0.1] [--port 8080] [--data-dir
 * dir]}. Without {@code --data-dir} the state lives in memory and is gone at exit.
 */
record RegistryArgs(String host, int port, Optional<Path> dataDir) {

  static final int DEFAULT_PORT = 8080;

  static RegistryArgs parse(String... args) {
    String host = "127.0.0.1";
    int port = DEFAULT_PORT;
    Optional<Path> dataDir = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--host" -> host = value(args, ++i, arg);
        case "--port" -> port = port(value(args, ++i, arg));
        case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, arg)));
        default ->
            throw new IllegalArgumentException(
                "unknown argument: " + arg + " (expected --host, --port, --data-dir)");
      }
    }
    return new RegistryArgs(host, port, dataDir);
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port must be 0..65535, got " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, got " + value);
    }
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  String describe() {
    return "host="
        + host
        + " port="
        + port
        + " data-dir="
        + dataDir.map(Path::toString).orElse("(none, in memory)");
  }
}
