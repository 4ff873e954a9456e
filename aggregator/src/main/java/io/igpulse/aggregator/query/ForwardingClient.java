package io.igpulse.aggregator.query;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The client that forwards a query to the instance owning its key. Without bounds, an owner that
 * accepts connections but never answers (a long GC, a half-dead host) would hold every forwarded
 * request open forever, and a burst of queries would open a connection each: here a connection is
 * made within {@link #CONNECT_TIMEOUT}, a forwarded query is answered within {@link
 * #REQUEST_TIMEOUT} or fails (the caller answers 502), idle connections close after {@link
 * #IDLE_TIMEOUT}, and at most {@link #MAX_CONNECTIONS} connections per owner are open with at most
 * {@link #MAX_WAITING} requests queued for them; beyond that a forward fails at once.
 */
public final class ForwardingClient {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
  static final int MAX_CONNECTIONS = 16;
  static final int MAX_WAITING = 256;

  private final WebClient client;
  private final Duration requestTimeout;

  ForwardingClient(Vertx vertx) {
    this(vertx, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
  }

  ForwardingClient(Vertx vertx, Duration connectTimeout, Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setIdleTimeout((int) IDLE_TIMEOUT.toSeconds())
                .setKeepAlive(true)
                .setUserAgent("igpulse-aggregator-forward"),
            new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS).setMaxWaitQueueSize(MAX_WAITING));
  }

  /** GETs {@code uri} from {@code owner}, marked as forwarded by {@code self}. */
  Future<HttpResponse<Buffer>> get(HostInfo owner, String uri, String header, String self) {
    return client
        .get(owner.port(), owner.host(), uri)
        .putHeader(header, self)
        .timeout(requestTimeout.toMillis())
        .send();
  }

  void close() {
    client.close();
  }
}
