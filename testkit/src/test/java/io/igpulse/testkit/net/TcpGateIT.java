package io.igpulse.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The gate over real sockets: forwards, refuses while shut, forwards again on the same port. */
class TcpGateIT {

  @Test
  void shouldRefuseWhileShutAndForwardAgainOnTheSamePort() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "behind".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try (TcpGate gate = TcpGate.to("http://127.0.0.1:" + server.getAddress().getPort())) {
      // A client of its own per call, so that each call opens a connection (a pooled one would be
      // cut by the shut and fail otherwise than by refusal).
      String url = "http://127.0.0.1:" + gate.port() + "/";
      int port = gate.port();
      assertThat(get(url)).isEqualTo("behind");

      gate.shut();
      assertThatThrownBy(() -> get(url)).isInstanceOf(ConnectException.class);

      gate.open();
      assertThat(gate.port()).isEqualTo(port);
      assertThat(get(url)).isEqualTo("behind");
      assertThat(gate.accepted()).isEqualTo(2);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void shouldCutAConnectionOpenWhenItShuts() throws Exception {
    try (ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpGate gate = TcpGate.to("http://127.0.0.1:" + upstream.getLocalPort());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), gate.port())) {
      client.setSoTimeout(5_000);
      await().atMost(Duration.ofSeconds(5)).until(() -> gate.accepted() == 1);

      gate.shut();

      int read;
      try {
        read = client.getInputStream().read();
      } catch (SocketException reset) {
        read = -1;
      }
      assertThat(read).as("what the client reads after the shut").isEqualTo(-1);
    }
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    return client
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
