package io.igpulse.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The collector admin API's bearer token of a local run: made once (32 random bytes), kept in the
 * data directory readable by its owner only, and never printed: the console says where it is.
 */
final class AdminToken {

  private AdminToken() {}

  static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        String token = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!token.isEmpty()) {
          return token;
        }
      }
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String token = HexFormat.of().formatHex(bytes);
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // a file system without POSIX permissions keeps its own defaults
      }
      return token;
    } catch (IOException e) {
      throw new SetupException(
          "cannot write the admin token file " + file + ": " + e.getMessage(), e);
    }
  }
}
