package io.igpulse.local;

/**
 * A setup the local run cannot start with (a port in use, an unwritable or locked data directory, a
 * bad option): its message is the one line the user sees, saying what to change.
 */
public final class SetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SetupException(String message) {
    super(message);
  }

  public SetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
