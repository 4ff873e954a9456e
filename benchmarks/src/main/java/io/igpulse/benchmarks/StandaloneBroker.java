package io.igpulse.benchmarks;

import io.igpulse.schemas.topic.Topics;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.kafka.KafkaClusters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The testkit's one-broker KRaft cluster with the catalog topics, in a JVM of its own: a harness
 * can then measure a service without the broker's threads and JIT compilations in the service's
 * JVM, as in production. Prints {@code BOOTSTRAP=<servers>} on stdout once the topics exist and
 * runs until its stdin closes, so it also stops when the process that started it dies.
 */
public final class StandaloneBroker {

  /** The stdout line that carries the bootstrap servers. */
  public static final String BOOTSTRAP_PREFIX = "BOOTSTRAP=";

  private StandaloneBroker() {}

  public static void main(String[] args) throws IOException {
    try (KafkaCluster kafka = KafkaClusters.start(1)) {
      kafka.createTopics(Topics.all());
      System.err.println("standalone broker: " + kafka.description());
      System.out.println(BOOTSTRAP_PREFIX + kafka.bootstrapServers());
      System.out.flush();
      // Blocks until the parent closes our stdin (or dies); the data is thrown away.
      while (System.in.read() >= 0) {
        // nothing to do with the input
      }
      System.err.println("standalone broker: stdin closed, stopping");
    }
  }

  /**
   * Starts {@link #main} in a child JVM with this JVM's java and classpath and waits for its
   * bootstrap line.
   *
   * @param heap the child's {@code -Xmx}, e.g. {@code "1g"}
   */
  public static Child startChild(String heap, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StandaloneBroker.class.getName());
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Child child = new Child(process);
    // Even if this JVM ends abnormally the child goes: its stdin closes with us, and this hook
    // covers a normal exit that skipped close().
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    try {
      child.awaitBootstrap(timeout);
    } catch (IOException | RuntimeException e) {
      child.close();
      throw e;
    }
    return child;
  }

  /** A broker in a child JVM; {@link #close()} closes its stdin and waits for it to stop. */
  public static final class Child implements AutoCloseable {

    private final Process process;
    private final CompletableFuture<String> bootstrap = new CompletableFuture<>();

    private Child(Process process) {
      this.process = process;
      // The child's stdout must be drained for the whole run, or a full pipe would block it.
      Thread reader = new Thread(this::readStdout, "standalone-broker-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    private void readStdout() {
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith(BOOTSTRAP_PREFIX)) {
            bootstrap.complete(line.substring(BOOTSTRAP_PREFIX.length()).trim());
          } else {
            System.err.println("[broker] " + line);
          }
        }
      } catch (IOException e) {
        bootstrap.completeExceptionally(e);
      }
      bootstrap.completeExceptionally(
          new IOException("the broker process closed its stdout before printing its bootstrap"));
    }

    private void awaitBootstrap(Duration timeout) throws IOException, InterruptedException {
      try {
        bootstrap.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw new IOException("the broker process failed to start", e.getCause());
      } catch (TimeoutException e) {
        throw new IOException("no bootstrap line from the broker process after " + timeout, e);
      }
    }

    /** The bootstrap servers the child printed. */
    public String bootstrapServers() {
      return bootstrap.join();
    }

    /** CPU time the child used so far (user + system), when the OS reports it. */
    public Optional<Duration> cpuTime() {
      return process.info().totalCpuDuration();
    }

    /** The child's process id, for the log. */
    public long pid() {
      return process.pid();
    }

    @Override
    public void close() {
      try {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (IOException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
