package io.igpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setup the local run cannot start with ends the real {@code main}, in a process of its own, with
 * one line on stderr saying what to change and exit code 2, before anything starts.
 */
class LocalSetupErrorsIT {

  @TempDir Path tmp;

  @Test
  void shouldNameAPortInUseAndTheOptionThatChangesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      Result r = runMain("--data-dir=" + tmp.resolve("data"), "--kafka-port=" + port);

      assertThat(r.exitCode).isEqualTo(2);
      assertThat(r.stderrLines())
          .containsExactly(
              "igpulse: port "
                  + port
                  + " (kafka) is in use: stop what holds it, or choose another with --kafka-port=<port>");
    }
  }

  @Test
  void shouldRefuseADataDirectoryThatCannotBeCreated() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");

    Result r = runMain("--data-dir=" + file.resolve("data"));

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.stderrLines()).hasSize(1);
    assertThat(r.stderrLines().get(0))
        .startsWith("igpulse: cannot create the data directory " + file.resolve("data"))
        .endsWith("choose another with --data-dir");
  }

  @Test
  void shouldRefuseASecondInstanceOnTheSameDataDirectory() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    try (FileChannel channel =
            FileChannel.open(
                data.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {

      Result r = runMain("--data-dir=" + data);

      assertThat(held.isValid()).isTrue();
      assertThat(r.exitCode).isEqualTo(2);
      assertThat(r.stderrLines())
          .containsExactly(
              "igpulse: another igpulse is already running on the data directory "
                  + data.toAbsolutePath()
                  + ": stop it first, or give this one another --data-dir");
    }
  }

  @Test
  void shouldRefuseAnUnknownOption() throws Exception {
    Result r = runMain("--data-dir=" + tmp.resolve("data"), "--kafka-port=many");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.stderrLines()).hasSize(1);
    assertThat(r.stderrLines().get(0)).startsWith("igpulse: ").contains("IGPULSE_LOCAL_KAFKA_PORT");
  }

  @Test
  void shouldRefuseAJavaOlderThan17BeforeBuildingAnything() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\necho '    java.specification.version = 11' >&2\necho 'openjdk version \"11.0.2\"' >&2\n",
        StandardCharsets.UTF_8);
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Path script = Path.of("..", "igpulse").toAbsolutePath().normalize();

    ProcessBuilder pb = new ProcessBuilder("bash", script.toString());
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    Result r = Result.of(pb.start());

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.stderrLines())
        .containsExactly(
            "igpulse: Java 17 or newer is needed, but "
                + java
                + " is Java 11: put a newer one first on the PATH");
  }

  private Result runMain(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LocalMain.class.getName());
    command.addAll(List.of(args));
    return Result.of(new ProcessBuilder(command).start());
  }

  private record Result(int exitCode, String stdout, String stderr) {
    static Result of(Process p) throws IOException, InterruptedException {
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the run ends by itself").isTrue();
      return new Result(p.exitValue(), out, err);
    }

    List<String> stderrLines() {
      return stderr.lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
