package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * Where a path leads: the endpoint, which budget it is charged to and the handler that answers.
 *
 * @param account the account whose BUC is charged, or -1
 */
record Route(Endpoint endpoint, Charge charge, int account, Function<Call, JsonNode> handler) {

  /** Which budget a call is charged to. */
  enum Charge {
    BUC,
    PLATFORM,
    HASHTAG
  }
}
