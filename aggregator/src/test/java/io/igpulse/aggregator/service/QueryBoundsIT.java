package io.igpulse.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Absurd query parameters against a running aggregator's real routes, over HTTP: each is refused
 * with 400 and a message before any window is built, and the service still answers afterwards.
 */
@WithInfrastructure
class QueryBoundsIT {

  private AggregatorHarness harness;
  private AggregatorService service;
  private final String id = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void start(KafkaCluster kafka, SchemaRegistry registry) {
    harness = new AggregatorHarness(kafka, registry);
    service = harness.start(harness.config("aggregator-bounds-it-" + id));
  }

  @AfterEach
  void stop() {
    service.close();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void shouldAnswerEveryAbsurdParameterWith400AndAMessage() {
    String account = "/api/accounts/acc-" + id;
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(
        "/api/hashtags/top?window=PT1H&at=" + q("+1000000000-01-01T00:00:00Z"),
        "at must lie between 2010-01-01T00:00:00Z and 2100-01-01T00:00:00Z");
    expected.put(
        "/api/hashtags/bread/trend?window=PT1H&from=2010-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
        "from..to spans 1683073 windows of PT1H/PT5M; at most 1000 (at most PT83H15M)");
    expected.put(
        account + "/trend?window=PT1H&to=" + q("+999999999-12-31T00:00:00Z"),
        "to must lie between 2010-01-01T00:00:00Z and 2100-01-01T00:00:00Z");
    expected.put(
        account + "/earned?window=PT1H&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
        "from 2026-11-02T00:00:00Z is after to 2026-11-01T00:00:00Z");
    expected.put(
        account + "/trend?window=PT1H&from=2026-11-01T00:00:00Z&to=2099-12-31T00:00:00Z",
        "from..to spans 7696225 windows of PT1H/PT5M; at most 1000 (at most PT83H15M)");
    expected.put(
        account + "/followers?from=2026-11-23&to=2026-11-01",
        "from 2026-11-23 is after to 2026-11-01");
    expected.put(
        account + "/followers?to=" + q("+999999999-12-31"),
        "to must lie between 2010-01-01 and 2100-01-01");
    expected.put(
        account + "/followers?from=2010-01-01&to=2026-01-01",
        "from..to spans 5845 days; at most 1000");
    expected.put(
        "/api/hashtags/top?window=PT1H&at=tomorrow",
        "at must be an ISO-8601 instant like 2026-11-23T10:00:00Z");
    expected.put(
        "/api/hashtags/" + "x".repeat(201) + "/trend?window=PT1H",
        "hashtag must have 1 to 200 characters, got 201");

    for (Map.Entry<String, String> request : expected.entrySet()) {
      HttpResponse<String> response = AggregatorHarness.get(service.queryPort(), request.getKey());

      assertThat(response.statusCode()).as(request.getKey()).isEqualTo(400);
      assertThat(new JsonObject(response.body()).getString("error"))
          .as(request.getKey())
          .isEqualTo(request.getValue());
    }
    // Still serving: an in-bounds query of the same route is answered.
    assertThat(
            AggregatorHarness.get(
                    service.queryPort(),
                    account
                        + "/trend?window=PT1H&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z")
                .statusCode())
        .isEqualTo(200);
  }
}
