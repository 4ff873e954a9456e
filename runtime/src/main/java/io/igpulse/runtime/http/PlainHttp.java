package io.igpulse.runtime.http;

import io.vertx.core.http.HttpServerOptions;

/**
 * The options of every igpulse HTTP server: HTTP/1.1, never upgraded to cleartext HTTP/2 (h2c).
 * Vert.x accepts an {@code Upgrade: h2c} request by default, and Java's HttpClient sends one on
 * every plain-HTTP request unless told otherwise; a 3 MB {@code /metrics} answer over such an
 * upgraded connection reached the client as garbage ("Frame type(34) length(3354161) exceeds
 * MAX_FRAME_SIZE"). No reader of these ports needs HTTP/2 without TLS: browsers never use it, and
 * Prometheus, probes and Meta's webhooks speak HTTP/1.1.
 */
public final class PlainHttp {

  private PlainHttp() {}

  public static HttpServerOptions options() {
    return new HttpServerOptions().setHttp2ClearTextEnabled(false);
  }
}
