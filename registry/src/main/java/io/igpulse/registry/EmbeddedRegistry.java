package io.igpulse.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking the part of Apicurio Registry's REST API v3 that the 3.1.x Avro serdes
 * call, with the real server's identity and rule semantics, over HTTP. With a data directory every
 * change is journaled to disk before it is answered, so ids survive a restart; without one it keeps
 * everything in memory. It lets igpulse run with one command, and tests run, where no real registry
 * can; a real Apicurio passes the same contract tests.
 */
public final class EmbeddedRegistry implements AutoCloseable {

  /** Where Apicurio serves API v3, below the base URL. */
  public static final String API_PREFIX = "/apis/registry/v3";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistry.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final RegistryHandler handler;
  private final Optional<Journal> journal;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedRegistry(
      HttpServer server,
      ExecutorService executor,
      RegistryHandler handler,
      Optional<Journal> journal) {
    this.server = server;
    this.executor = executor;
    this.handler = handler;
    this.journal = journal;
  }

  /**
   * Replays {@code dataDir}'s journal (if given), then listens; returns once the socket is bound.
   *
   * @param host address to bind, e.g. {@code 127.0.0.1}
   * @param port port, 0 for any free one
   * @param dataDir directory of the journal (created if missing); empty keeps state in memory only
   * @throws CorruptJournalException when the journal cannot be read back
   * @throws UncheckedIOException when the directory or the port cannot be used
   * @throws IllegalStateException when another registry holds the data directory
   */
  public static EmbeddedRegistry start(String host, int port, Optional<Path> dataDir) {
    RegistryModel model = new RegistryModel();
    Optional<Journal> journal = dataDir.map(dir -> Journal.open(dir, model));
    try {
      RegistryState state =
          new RegistryState(model, journal.<ChangeLog>map(j -> j).orElse(ChangeLog.IN_MEMORY));
      RegistryHandler handler = new RegistryHandler(new RegistryApi(state));
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
      ExecutorService executor = Executors.newFixedThreadPool(4, namedThreads());
      server.setExecutor(executor);
      server.createContext("/", handler);
      server.start();
      EmbeddedRegistry registry = new EmbeddedRegistry(server, executor, handler, journal);
      LOG.info(
          "registry listening on {} ({})",
          registry.baseUrl(),
          journal.map(j -> "journal " + j.file()).orElse("in memory"));
      return registry;
    } catch (IOException e) {
      journal.ifPresent(Journal::close);
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    } catch (RuntimeException e) {
      journal.ifPresent(Journal::close);
      throw e;
    }
  }

  private static ThreadFactory namedThreads() {
    AtomicInteger threads = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "registry-http-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Base URL, e.g. {@code http://127.0.0.1:41234}; the serdes accept it bare. */
  public String baseUrl() {
    InetSocketAddress address = server.getAddress();
    // Bound to every interface, the registry is still reached through loopback from this machine.
    String host =
        address.getAddress().isAnyLocalAddress()
            ? "127.0.0.1"
            : address.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** The REST API v3 root: {@link #baseUrl()} plus {@value #API_PREFIX}. */
  public String apiUrl() {
    return baseUrl() + API_PREFIX;
  }

  /**
   * Every API call served so far as {@code METHOD /path/template?queryParameterNames}, in order.
   */
  public List<String> calls() {
    return handler.calls();
  }

  /**
   * Stops listening, lets calls in flight finish (up to 2 s), and closes the journal. Calling it
   * again does nothing, so a shutdown hook and an owner may both call it.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    journal.ifPresent(Journal::close);
  }
}
