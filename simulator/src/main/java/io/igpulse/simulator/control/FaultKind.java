package io.igpulse.simulator.control;

import java.util.Locale;

/** What a fault does to a matching call. */
public enum FaultKind {
  /** Answer after an added delay. */
  LATENCY,
  /** HTTP 500 with a transient error (code 2, is_transient true) instead of the answer. */
  ERROR_500,
  /** HTTP 200 with a truncated, unparsable JSON body. */
  MALFORMED_JSON,
  /** Close the connection without answering. */
  CONNECTION_RESET,
  /** Send the body in small pieces with a pause between them. */
  SLOW_BODY,
  /** Revoke the caller's token: this call and every later one with it gets 190 / 460. */
  REVOKE_TOKEN,
  /**
   * Answer the Graph API error of the rule's {@code code} (and {@code subcode}) as the API words
   * it: 80001, 200, 368, 190 with its subcodes, 10, ...
   */
  GRAPH_ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FaultKind fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
