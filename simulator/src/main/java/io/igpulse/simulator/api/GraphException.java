package io.igpulse.simulator.api;

/** Carries a {@link GraphError} out of deep rule code to the dispatcher, which renders it. */
public final class GraphException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient GraphError error;

  public GraphException(GraphError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  public GraphError error() {
    return error;
  }
}
