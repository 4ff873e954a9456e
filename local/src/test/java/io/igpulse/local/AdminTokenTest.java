package io.igpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

  @Test
  void shouldMakeA32ByteTokenOnceInAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("admin-token");

    String first = AdminToken.readOrCreate(file);
    String again = AdminToken.readOrCreate(file);

    assertThat(first).matches("[0-9a-f]{64}");
    assertThat(again).isEqualTo(first);
    assertThat(Files.readString(file)).isEqualTo(first + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void shouldTightenALooseFileAndReplaceABlankOne(@TempDir Path dir) throws Exception {
    Path loose = dir.resolve("loose");
    Files.writeString(loose, "kept-token\n");
    Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
    Path blank = dir.resolve("blank");
    Files.writeString(blank, "  \n");

    String kept = AdminToken.readOrCreate(loose);
    String replaced = AdminToken.readOrCreate(blank);

    assertThat(kept).isEqualTo("kept-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(loose)))
        .isEqualTo("rw-------");
    assertThat(replaced).matches("[0-9a-f]{64}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(blank)))
        .isEqualTo("rw-------");
  }
}
