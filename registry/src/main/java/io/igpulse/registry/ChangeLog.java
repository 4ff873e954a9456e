package io.igpulse.registry;

import java.util.List;

/** Where changes are made durable before they are applied; {@link #IN_MEMORY} keeps nothing. */
interface ChangeLog {

  ChangeLog IN_MEMORY = changes -> {};

  /**
   * Makes {@code changes} durable, all or nothing, before the caller applies them.
   *
   * @throws java.io.UncheckedIOException when they could not be written
   */
  void record(List<Change> changes);
}
