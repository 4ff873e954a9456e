package io.igpulse.simulator.api;

/**
 * One error as the Graph API reports it in its envelope. Optional members are null when the real
 * API leaves them out of that error.
 */
public record GraphError(
    int httpStatus,
    String message,
    String type,
    int code,
    Integer subcode,
    Boolean transientError,
    String userTitle,
    String userMessage) {

  public GraphException exception() {
    return new GraphException(this);
  }
}
