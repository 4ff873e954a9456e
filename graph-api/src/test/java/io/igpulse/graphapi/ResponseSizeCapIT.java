package io.igpulse.graphapi;

import static io.igpulse.graphapi.ClientFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.graphapi.model.IgAccount;
import io.igpulse.graphapi.outcome.GraphError;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.token.AccessToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Graph API stand-in over real HTTP answering with a body one byte over the cap, sent in chunks
 * with no length announced: the client refuses it as malformed, without retrying, and a body at the
 * cap's side of the line is still read.
 */
class ResponseSizeCapIT {

  private ClientFixture fixture;
  private final io.vertx.core.Vertx serverVertx = io.vertx.core.Vertx.vertx();
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int bodyBytes;

  @BeforeEach
  void start() {
    server =
        await(
            serverVertx
                .createHttpServer()
                .requestHandler(
                    request -> {
                      requests.incrementAndGet();
                      String head = "{\"id\":\"17841400000000001\",\"username\":\"big\",\"pad\":\"";
                      int pad = bodyBytes - head.length() - 2;
                      var response = request.response().setChunked(true);
                      response.write(head);
                      int chunk = 64 * 1024;
                      for (int sent = 0; sent < pad; sent += chunk) {
                        response.write(Buffer.buffer("x".repeat(Math.min(chunk, pad - sent))));
                      }
                      response.end("\"}");
                    })
                .listen(0, "127.0.0.1"));
    fixture = new ClientFixture("http://127.0.0.1:" + server.actualPort());
  }

  @AfterEach
  void stop() {
    fixture.close();
    await(serverVertx.close());
  }

  @Test
  void shouldRefuseABodyOneByteOverTheCapWithoutRetrying() {
    bodyBytes = CappedBody.MAX_BYTES + 1;

    GraphResult<IgAccount> result =
        await(fixture.client.account(AccessToken.of("EAAB-test-token"), "17841400000000001"));

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.error())
        .isEqualTo(new GraphError.Malformed("response body larger than 8388608 bytes, refused"));
    assertThat(requests).hasValue(1);
    assertThat(
            fixture
                .registry
                .find("igpulse.graph.requests")
                .tag("outcome", "malformed")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldReadABodyExactlyAtTheCap() {
    bodyBytes = CappedBody.MAX_BYTES;

    GraphResult<IgAccount> result =
        await(fixture.client.account(AccessToken.of("EAAB-test-token"), "17841400000000001"));

    assertThat(result.isSuccess()).isTrue();
    assertThat(result.value().username()).isEqualTo("big");
  }
}
