package io.igpulse.graphapi.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpulse.graphapi.Fixtures;
import io.igpulse.graphapi.pacing.Usage;
import io.igpulse.graphapi.pacing.UsageHeaders;
import io.igpulse.graphapi.token.TokenRedactor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {

  private final ErrorClassifier classifier =
      new ErrorClassifier(new TokenRedactor(), Duration.ofMinutes(5));

  private GraphError classify(int status, String fixture) {
    return classifier.classify(status, Fixtures.json(fixture), Usage.NONE).orElseThrow();
  }

  @Test
  void shouldNameTheRefusedMetric() {
    assertThat(classify(400, "error-unsupported-metric.json"))
        .isEqualTo(new GraphError.UnsupportedMetric("impressions"));
  }

  @Test
  void shouldStopTheAccountOnExpiredToken() {
    GraphError error = classify(400, "error-token-expired.json");
    assertThat(error).isInstanceOf(GraphError.AuthFailed.class);
    assertThat(((GraphError.AuthFailed) error).subcode()).isEqualTo(463);
  }

  @Test
  void shouldSkipMediaPostedBeforeBusinessConversion() {
    assertThat(classify(400, "error-pre-business-media.json"))
        .isInstanceOf(GraphError.Skip.class)
        .extracting(e -> ((GraphError.Skip) e).subcode())
        .isEqualTo(2108006);
  }

  @Test
  void shouldCallMissingObjectGone() {
    assertThat(classify(400, "error-object-does-not-exist.json"))
        .isInstanceOf(GraphError.Gone.class);
  }

  @Test
  void shouldWaitTheEstimatedTimeWhenBucThrottled() {
    JsonNode fixture = Fixtures.json("error-throttled-buc.json");
    Usage usage =
        UsageHeaders.parse(
            fixture.path("headers").path("X-App-Usage").asText(),
            fixture.path("headers").path("X-Business-Use-Case-Usage").asText());
    GraphError error = classifier.classify(400, fixture.path("body"), usage).orElseThrow();
    assertThat(error).isEqualTo(new GraphError.Throttled(80002, Duration.ofMinutes(17)));
  }

  @Test
  void shouldUseDefaultWaitWhenThrottleHasNoEstimate() throws Exception {
    JsonNode body =
        new ObjectMapper()
            .readTree(
                "{\"error\":{\"code\":4,\"message\":\"(#4) Application request limit reached\"}}");
    assertThat(classifier.classify(400, body, Usage.NONE))
        .contains(new GraphError.Throttled(4, Duration.ofMinutes(5)));
  }

  @Test
  void shouldRetryTransientCodesAndServerErrors() throws Exception {
    JsonNode code2 =
        new ObjectMapper()
            .readTree(
                "{\"error\":{\"code\":2,\"is_transient\":true,\"message\":\"Service temporarily unavailable\"}}");
    assertThat(classifier.classify(500, code2, Usage.NONE).orElseThrow())
        .isInstanceOf(GraphError.Transient.class);
    assertThat(classifier.unparseable(502, "html")).isInstanceOf(GraphError.Transient.class);
  }

  @Test
  void shouldCallTruncatedOkBodyMalformed() {
    assertThat(classifier.unparseable(200, "cut")).isInstanceOf(GraphError.Malformed.class);
  }

  @Test
  void shouldTellNotEnoughViewersFromOtherCode10() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode viewers =
        json.readTree(
            "{\"error\":{\"code\":10,\"message\":\"(#10) Not enough viewers for the media to show insights\"}}");
    JsonNode permission =
        json.readTree(
            "{\"error\":{\"code\":10,\"message\":\"(#10) Application does not have permission for this action\"}}");
    assertThat(classifier.classify(400, viewers, Usage.NONE).orElseThrow())
        .isInstanceOf(GraphError.NotEnoughViewers.class);
    assertThat(classifier.classify(400, permission, Usage.NONE).orElseThrow())
        .isInstanceOf(GraphError.Rejected.class);
  }

  @Test
  void shouldReadBatchItemsAsResponsesOfTheirOwn() throws Exception {
    JsonNode batch = Fixtures.json("batch-response.json");
    ObjectMapper json = new ObjectMapper();
    assertThat(
            classifier.classify(200, json.readTree(batch.get(0).path("body").asText()), Usage.NONE))
        .isEmpty();
    assertThat(
            classifier.classify(400, json.readTree(batch.get(1).path("body").asText()), Usage.NONE))
        .contains(new GraphError.UnsupportedMetric("impressions"));
  }

  @Test
  void shouldRedactTokensQuotedInMessages() throws Exception {
    JsonNode body =
        new ObjectMapper()
            .readTree(
                "{\"error\":{\"code\":190,\"message\":\"Malformed access token EAAsecret?access_token=EAAsecretvalue123\"}}");
    GraphError error = classifier.classify(400, body, Usage.NONE).orElseThrow();
    assertThat(error.describe()).doesNotContain("EAAsecretvalue123");
  }
}
