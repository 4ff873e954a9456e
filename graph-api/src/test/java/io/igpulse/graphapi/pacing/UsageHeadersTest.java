package io.igpulse.graphapi.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.graphapi.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UsageHeadersTest {

  @Test
  void shouldReadBothHeadersOfTheThrottleFixture() {
    JsonNode headers = Fixtures.json("error-throttled-buc.json").path("headers");
    Usage usage =
        UsageHeaders.parse(
            headers.path("X-App-Usage").asText(),
            headers.path("X-Business-Use-Case-Usage").asText());
    assertThat(usage.app()).contains(0.62);
    assertThat(usage.business()).containsEntry("112233445566778", 1.0);
    assertThat(usage.regainAccess()).isEqualTo(Duration.ofMinutes(17));
  }

  @Test
  void shouldTreatMissingOrBrokenHeadersAsNoInformation() {
    assertThat(UsageHeaders.parse(null, "{not json").isEmpty()).isTrue();
  }
}
