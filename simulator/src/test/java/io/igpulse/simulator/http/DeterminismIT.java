package io.igpulse.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.simulator.Simulator;
import io.igpulse.simulator.SimulatorConfig;
import io.igpulse.simulator.world.Account;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DeterminismIT {

  @Test
  void shouldAnswerByteIdenticallyOverHttpForTheSameSeedAndClock() {
    List<String> first;
    List<String> second;
    try (Simulator a = Simulator.start(SimulatorConfig.of(77, 20))) {
      first = script(a);
    }
    try (Simulator b = Simulator.start(SimulatorConfig.of(77, 20))) {
      second = script(b);
    }

    assertThat(second).hasSize(first.size()).isEqualTo(first);
  }

  private static List<String> script(Simulator sim) {
    List<String> out = new ArrayList<>();
    Account a = sim.world().account(6);
    String base = "/v24.0/" + a.igUserId();
    for (int round = 0; round < 2; round++) {
      for (String path :
          List.of(
              base + "?fields=id,username,followers_count,media_count",
              base
                  + "/media?fields=id,caption,timestamp,like_count,comments_count,permalink,insights.metric(reach,likes)&limit=100",
              base + "/stories?fields=id,timestamp",
              base + "/insights?metric=reach&period=day",
              "/v24.0/17999999999999999")) {
        HttpResponse<String> response =
            Http.get(
                sim.baseUrl()
                    + path
                    + (path.contains("?") ? "&" : "?")
                    + "access_token="
                    + a.token());
        String body = response.body().replace(sim.baseUrl(), "<base>");
        out.add(response.statusCode() + " " + new TreeMap<>(response.headers().map()) + " " + body);
      }
      sim.advance(Duration.ofHours(3));
    }
    return out;
  }
}
