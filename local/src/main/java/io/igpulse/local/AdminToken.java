package io.igpulse.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The collector admin API's bearer token of a local run: made once (32 random bytes), kept in the
 * data directory readable by its owner only, and never printed: the console says where it is.
 */
final class AdminToken {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private AdminToken() {}

  static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        restrict(file);
        String token = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!token.isEmpty()) {
          return token;
        }
        Files.delete(file);
      }
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String token = HexFormat.of().formatHex(bytes);
      // Created owner-only, so the token is never readable by others, not even for a moment.
      if (posix()) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
      return token;
    } catch (IOException e) {
      throw new SetupException(
          "cannot write the admin token file " + file + ": " + e.getMessage(), e);
    }
  }

  /** A file left from an older run, or copied with looser permissions, is tightened. */
  private static void restrict(Path file) throws IOException {
    if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static boolean posix() {
    // A file system without POSIX permissions keeps its own defaults.
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
