package io.igpulse.simulator.api;

/** Carries a {@link GraphError} out of deep rule code to the dispatcher, which renders it. */
public final class GraphException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient GraphError error;
  private final boolean nonOwnerRead;

  public GraphException(GraphError error) {
    this(error, false);
  }

  private GraphException(GraphError error, boolean nonOwnerRead) {
    super(error.message(), null, false, false);
    this.error = error;
    this.nonOwnerRead = nonOwnerRead;
  }

  /**
   * A read of media the caller does not own: answered like any other error, and also counted apart,
   * so tests can assert that igpulse never tries one.
   */
  public static GraphException nonOwnerRead(GraphError error) {
    return new GraphException(error, true);
  }

  public GraphError error() {
    return error;
  }

  public boolean isNonOwnerRead() {
    return nonOwnerRead;
  }
}
