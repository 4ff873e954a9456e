package io.igpulse.registry;

import java.nio.file.Path;

/**
 * The registry's journal cannot be read back as it was written. The registry refuses to start
 * rather than serve a partial state: ids handed out before would resolve to nothing, or be handed
 * out again. The message names the file and line; the file is left untouched for inspection.
 */
public final class CorruptJournalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  CorruptJournalException(Path file, long line, String reason) {
    super("registry journal " + file + " is unreadable at line " + line + ": " + reason);
    this.file = file;
  }

  /** The journal file that could not be read. */
  public Path file() {
    return file;
  }
}
