package io.igpulse.simulator.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One answer: status, headers (in order) and the exact body bytes.
 *
 * @param endpoint the endpoint it answered, for stats and fault rules
 */
public record GraphResponse(
    int status, Map<String, String> headers, byte[] body, Endpoint endpoint) {

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
