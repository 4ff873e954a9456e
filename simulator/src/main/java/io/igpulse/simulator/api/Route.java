package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * Where a path leads: the endpoint, which budget it is charged to and the handler that answers.
 *
 * @param account the account whose BUC is charged, or -1
 * @param ownedObject the id (as requested) of an object only its owner's token may read, whose
 *     owner is {@code account}; null when any valid token may call
 */
record Route(
    Endpoint endpoint,
    Charge charge,
    int account,
    Function<Call, JsonNode> handler,
    String ownedObject) {

  Route(Endpoint endpoint, Charge charge, int account, Function<Call, JsonNode> handler) {
    this(endpoint, charge, account, handler, null);
  }

  /** Which budget a call is charged to. */
  enum Charge {
    BUC,
    PLATFORM,
    HASHTAG
  }
}
