package io.igpulse.graphapi.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpulse.graphapi.token.AccessToken;
import io.igpulse.graphapi.token.AppSecretProof;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBuildersTest {

  @Test
  void shouldNestInsightsInTheFieldsOfAListing() {
    assertThat(
            Fields.of("id", "timestamp", "media_product_type")
                .insights(List.of("reach", "saved"))
                .value())
        .isEqualTo("id,timestamp,media_product_type,insights.metric(reach,saved)");
    assertThat(Fields.of("id").nested("children", List.of("id", "media_type")).value())
        .isEqualTo("id,children{id,media_type}");
    assertThatThrownBy(() -> Fields.of("id").insights(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldPackAtMostFiftyCallsPerBatch() throws Exception {
    List<GraphCall> calls = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      calls.add(
          GraphCall.get("/m" + i + "/insights", "media_insights")
              .param("metric", "reach,saved")
              .build());
    }
    List<BatchBuilder> batches = BatchBuilder.chunk(calls);
    assertThat(batches).extracting(BatchBuilder::size).containsExactly(50, 50, 20);
    var json = new ObjectMapper().readTree(batches.get(0).toJson());
    assertThat(json.get(0).path("method").asText()).isEqualTo("GET");
    assertThat(json.get(0).path("relative_url").asText())
        .isEqualTo("m0/insights?metric=reach%2Csaved");
    assertThatThrownBy(() -> batches.get(0).add(calls.get(0)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldNameAnItemsOwnTokenAndProofOnlyWhenItIsNotTheBatchRequestsToken() throws Exception {
    AccessToken lead = AccessToken.of("fake-lead-token");
    AccessToken other = AccessToken.of("fake-other-token");
    GraphCall call =
        GraphCall.get("/m1/insights", "media_insights").param("metric", "reach").build();
    BatchBuilder batch = new BatchBuilder().add(call, lead).add(call, other).add(call);

    var json =
        new ObjectMapper().readTree(batch.toJson(lead, java.util.Optional.of("fake-secret")));

    assertThat(json.get(0).path("relative_url").asText()).isEqualTo("m1/insights?metric=reach");
    assertThat(json.get(1).path("relative_url").asText())
        .isEqualTo(
            "m1/insights?metric=reach&access_token=fake-other-token&appsecret_proof="
                + AppSecretProof.of("fake-other-token", "fake-secret"));
    assertThat(json.get(2).path("relative_url").asText()).isEqualTo("m1/insights?metric=reach");
    assertThat(batch.toJson()).doesNotContain("fake-other-token");
  }
}
