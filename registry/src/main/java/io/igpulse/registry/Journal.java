package io.igpulse.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's durable state: an append-only file of JSON lines in the data directory. The first
 * line names the format; every later line is one write (the changes of one request), appended and
 * fsync'ed before the request is answered. At start the lines are replayed in order. A last line
 * without its newline is a write that was cut short and never acknowledged: it is cut off with a
 * warning. Any other unreadable line stops the start with a {@link CorruptJournalException}. The
 * file is locked while open, so two registries cannot write one directory.
 */
final class Journal implements ChangeLog, AutoCloseable {

  static final String FILE_NAME = "registry-journal.jsonl";
  static final String HEADER = "{\"format\":\"igpulse-registry-journal\",\"version\":1}";

  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean failed;

  private Journal(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Opens (or creates) the journal in {@code dataDir} and replays it into {@code model}.
   *
   * @throws CorruptJournalException when a line cannot be read or does not fit the state before it
   * @throws UncheckedIOException when the directory or file cannot be used
   */
  static Journal open(Path dataDir, RegistryModel model) {
    Path file = dataDir.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      boolean created = Files.notExists(file);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = lock(channel, file);
      Journal journal = new Journal(file, channel, lock);
      journal.replay(model);
      if (created) {
        syncDirectory(dataDir);
      }
      return journal;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot open the registry journal " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static FileLock lock(FileChannel channel, Path file) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IllegalStateException(
          "registry journal " + file + " is in use by another registry (locked)");
    }
    return lock;
  }

  private void replay(RegistryModel model) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length == 0) {
      append(HEADER);
      return;
    }
    int complete = lastNewline(bytes) + 1;
    if (complete < bytes.length) {
      LOG.warn(
          "registry journal {} ends with {} bytes of a write that was never completed;"
              + " cutting them off",
          file,
          bytes.length - complete);
      channel.truncate(complete);
      channel.force(true);
    }
    if (complete == 0) {
      append(HEADER); // the cut-off write was the header of a journal that never held a change
      return;
    }
    String[] lines = new String(bytes, 0, complete, StandardCharsets.UTF_8).split("\n", -1);
    if (lines.length < 2 || !HEADER.equals(lines[0])) {
      throw new CorruptJournalException(file, 1, "not an igpulse registry journal (header)");
    }
    for (int i = 1; i < lines.length - 1; i++) {
      try {
        ChangeCodec.decode(lines[i]).forEach(model::apply);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new CorruptJournalException(file, i + 1, e.getMessage());
      }
    }
    channel.position(channel.size());
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Appends the changes as one line and forces it to disk. After a failed write the journal's tail
   * is unknown, so every later write is refused until a restart has read the file again.
   */
  @Override
  public synchronized void record(List<Change> changes) {
    if (failed) {
      throw new UncheckedIOException(
          new IOException("an earlier write to registry journal " + file + " failed; restart"));
    }
    try {
      append(ChangeCodec.encode(changes));
    } catch (IOException e) {
      failed = true;
      throw new UncheckedIOException("cannot write the registry journal " + file, e);
    }
  }

  private void append(String line) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
  }

  /** A new file is durable only once its directory entry is. */
  private static void syncDirectory(Path dir) {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory; the file's own fsync still holds its lines.
      LOG.debug("cannot fsync directory {}", dir, e);
    }
  }

  Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the registry journal " + file, e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("cannot close journal channel", e);
    }
  }
}
