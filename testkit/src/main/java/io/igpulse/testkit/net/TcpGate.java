package io.igpulse.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder on loopback, in front of a server a test wants to take away and give back without
 * losing its state: while shut, connections to the gate are refused and those open are cut, as when
 * the server is down; opened again, on the same port, it forwards as before.
 */
public final class TcpGate implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MS = 2_000;

  private final InetSocketAddress target;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tcp-gate");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong accepted = new AtomicLong();
  private ServerSocket server;
  private int port;

  private TcpGate(InetSocketAddress target) {
    this.target = target;
  }

  /** An open gate on an ephemeral loopback port, forwarding to {@code url}'s host and port. */
  public static TcpGate to(String url) {
    URI uri = URI.create(url);
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    TcpGate gate = new TcpGate(new InetSocketAddress(uri.getHost(), port));
    gate.open();
    return gate;
  }

  /** The loopback port the gate listens on, the same across {@link #shut()} and {@link #open()}. */
  public synchronized int port() {
    return port;
  }

  /** Accepts and forwards connections again, on the port it had. */
  public synchronized void open() {
    if (server != null) {
      return;
    }
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      port = s.getLocalPort();
      server = s;
      threads.execute(() -> accept(s));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /** Refuses new connections and cuts the open ones. */
  public synchronized void shut() {
    if (server == null) {
      return;
    }
    closeQuietly(server);
    server = null;
    for (Socket c : connections) {
      closeQuietly(c);
    }
    connections.clear();
  }

  /** Connections forwarded so far: proof that a client went through the gate at all. */
  public long accepted() {
    return accepted.get();
  }

  public boolean isOpen() {
    synchronized (this) {
      return server != null;
    }
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      Socket client;
      try {
        client = s.accept();
      } catch (IOException closed) {
        return;
      }
      Socket upstream = new Socket();
      try {
        upstream.connect(target, CONNECT_TIMEOUT_MS);
      } catch (IOException unreachable) {
        closeQuietly(client);
        closeQuietly(upstream);
        continue;
      }
      synchronized (this) {
        if (server != s) {
          // Shut while this one was being connected: it must not outlive the outage.
          closeQuietly(client);
          closeQuietly(upstream);
          return;
        }
        accepted.incrementAndGet();
        connections.add(client);
        connections.add(upstream);
      }
      threads.execute(() -> pump(client, upstream));
      threads.execute(() -> pump(upstream, client));
    }
  }

  /** Copies one direction until either side ends, then closes both. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException cut) {
      // Either side closed or the gate shut: the pair ends below.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      connections.remove(from);
      connections.remove(to);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // Already closed.
    }
  }

  @Override
  public void close() {
    shut();
    threads.shutdownNow();
  }
}
