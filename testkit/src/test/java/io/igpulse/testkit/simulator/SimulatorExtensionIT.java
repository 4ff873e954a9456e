package io.igpulse.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.simulator.Simulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

@WithSimulator
class SimulatorExtensionIT {

  @Test
  void shouldHandTheSameLoopbackSimulatorToEveryTest(Simulator simulator) throws Exception {
    var account = simulator.world().account(0);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            simulator.baseUrl()
                                + "/v24.0/"
                                + account.igUserId()
                                + "?fields=username&access_token="
                                + account.token()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(simulator.baseUrl()).startsWith("http://127.0.0.1:");
    assertThat(simulator.world().accountCount()).isEqualTo(50);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"username\":\"" + account.username() + "\",\"id\":\"" + account.igUserId() + "\"}");
  }

  @Test
  @ExtendWith(SameInstanceCheck.class)
  void shouldStartOnlyOnePerJvm(Simulator simulator, ExtensionContext context) {
    assertThat(SimulatorExtension.simulator(context)).isSameAs(simulator);
  }

  /** Lets the test receive its ExtensionContext. */
  static final class SameInstanceCheck
      implements org.junit.jupiter.api.extension.ParameterResolver {
    @Override
    public boolean supportsParameter(
        org.junit.jupiter.api.extension.ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == ExtensionContext.class;
    }

    @Override
    public Object resolveParameter(
        org.junit.jupiter.api.extension.ParameterContext p, ExtensionContext c) {
      return c;
    }
  }
}
