package io.igpulse.graphapi.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpulse.graphapi.pacing.Usage;
import io.igpulse.graphapi.token.TokenRedactor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 2025–2026 refusal wordings and the error codes of GRAPH-API.md's table, one by one. */
class RefusalAndAccountErrorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ErrorClassifier classifier =
      new ErrorClassifier(new TokenRedactor(), Duration.ofMinutes(5));

  private GraphError classify(int code, Integer subcode, String message, boolean isTransient) {
    var error =
        JSON.createObjectNode()
            .put("message", message)
            .put("type", "OAuthException")
            .put("code", code)
            .put("is_transient", isTransient);
    if (subcode != null) {
      error.put("error_subcode", subcode);
    }
    JsonNode body = JSON.createObjectNode().set("error", error);
    return classifier.classify(400, body, Usage.NONE).orElseThrow();
  }

  @Test
  void shouldNameTheMetricOfTheDoesNotSupportWording() {
    assertThat(
            classify(
                100,
                null,
                "(#100) The Media Insights API does not support the views metric for this media"
                    + " product type.",
                false))
        .isEqualTo(new GraphError.UnsupportedMetric("views"));
  }

  @Test
  void shouldNameTheMetricOfTheNoLongerSupportedWording() {
    assertThat(
            classify(
                100,
                null,
                "Starting from version 22 and above, the impressions metric is no longer"
                    + " supported. Please use the views metric instead.",
                false))
        .isEqualTo(new GraphError.UnsupportedMetric("impressions"));
  }

  @Test
  void shouldReadTheIndexAndTheAllowedListOfTheMustBeOneOfWording() {
    assertThat(
            classify(
                100,
                null,
                "(#100) metric[2] must be one of the following values: reach, likes, comments",
                false))
        .isEqualTo(
            new GraphError.UnsupportedMetric(null, 2, List.of("reach", "likes", "comments")));
  }

  @Test
  void shouldIgnoreAnAllowedListThatIsCutShort() {
    assertThat(
            classify(
                100,
                null,
                "(#100) metric[0] must be one of the following values: reach, likes, …",
                false))
        .isEqualTo(new GraphError.UnsupportedMetric(null, 0, List.of()));
  }

  @Test
  void shouldLeaveACode100ThatNamesNoMetricRejected() {
    assertThat(classify(100, null, "(#100) Invalid parameter", false))
        .isEqualTo(new GraphError.Rejected(100, null, "(#100) Invalid parameter"));
  }

  @Test
  void shouldPauseOnThePagesBusinessUseCaseThrottleLikeTheInstagramOne() {
    GraphError pages =
        classify(
            80001, null, "(#80001) There have been too many calls to this Page account.", true);

    assertThat(pages).isEqualTo(new GraphError.Throttled(80001, Duration.ofMinutes(5)));
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 368})
  void shouldBlockTheAccountOnPermissionAndPolicyErrors(int code) {
    assertThat(classify(code, null, "(#" + code + ") refused", false))
        .isEqualTo(new GraphError.AccountBlocked(code, null, "(#" + code + ") refused"));
  }

  @ParameterizedTest
  @ValueSource(ints = {458, 459, 460, 463, 464, 467})
  void shouldAskForReauthorisationOnEveryTokenSubcode(int subcode) {
    assertThat(classify(190, subcode, "Error validating access token", false))
        .isEqualTo(new GraphError.AuthFailed(190, subcode, "Error validating access token"));
  }

  @Test
  void shouldTellNotEnoughViewersFromAServiceError() {
    assertThat(classify(10, null, "(#10) Not enough viewers for the media to show insights", false))
        .isEqualTo(
            new GraphError.NotEnoughViewers(
                "(#10) Not enough viewers for the media to show insights"));
    assertThat(classify(10, null, "(#10) Application does not have permission", false))
        .isInstanceOf(GraphError.Rejected.class);
  }
}
