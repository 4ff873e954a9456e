package io.igpulse.testkit.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A service's runnable jar in a child process, so that a test can kill it the hard way ({@code
 * destroyForcibly}: SIGKILL, no shutdown hook, nothing committed or closed) and start it again, as
 * an orchestrator would after a node failure. The jar is the module's {@code
 * target/igpulse-<module>-*-all.jar}, which the package phase builds before the ITs run.
 */
public final class ChildService implements AutoCloseable {

  private final Process process;

  private ChildService(Process process) {
    this.process = process;
  }

  /**
   * Starts {@code module}'s jar with exactly this environment, its output appended to {@code log}.
   */
  public static ChildService start(String module, Map<String, String> env, Path log) {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-jar",
            runnableJar(module).getAbsolutePath());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      return new ChildService(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL, and waits until the process is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private static File runnableJar(String module) {
    String prefix = "igpulse-" + module + "-";
    File[] jars =
        new File("target")
            .listFiles((dir, name) -> name.startsWith(prefix) && name.endsWith("-all.jar"));
    if (jars == null || jars.length == 0) {
      throw new AssertionError(
          "no target/" + prefix + "*-all.jar: the package phase builds it, run mvn verify");
    }
    return jars[0];
  }

  /** A fresh temporary directory, for a child's state that must outlive one process. */
  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
