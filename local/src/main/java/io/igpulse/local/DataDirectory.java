package io.igpulse.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The local run's data directory: Kafka's log, the registry's journal, the Streams state, the admin
 * token and the logs live under it, so a second start continues where the first stopped and
 * deleting it resets everything. Held with an exclusive file lock while the run lasts, so a second
 * instance on the same directory stops at once instead of corrupting the first one's state.
 */
public final class DataDirectory implements AutoCloseable {

  private static final String LOCK_FILE = ".lock";
  private static final String LOGS = "logs";

  private final Path root;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Creates the directory and its log folder if needed (before logging starts: the log file lives
   * there); returns the absolute directory.
   */
  public static Path create(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(root.resolve(LOGS));
    } catch (IOException e) {
      throw new SetupException(
          "cannot create the data directory "
              + root
              + " ("
              + e.getMessage()
              + "): choose another with --data-dir",
          e);
    }
    return root;
  }

  /** Creates the directory if needed, checks it is writable, and locks it. */
  public static DataDirectory open(Path dir) {
    Path root = create(dir);
    if (!Files.isDirectory(root) || !Files.isWritable(root)) {
      throw new SetupException(
          "the data directory " + root + " is not writable: choose another with --data-dir");
    }
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new SetupException(
          "the data directory "
              + root
              + " is not writable ("
              + e.getMessage()
              + "): choose another with --data-dir",
          e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new SetupException(
          "another igpulse is already running on the data directory "
              + root
              + ": stop it first, or give this one another --data-dir");
    }
    return new DataDirectory(root, channel, lock);
  }

  public Path root() {
    return root;
  }

  public Path kafka() {
    return root.resolve("kafka");
  }

  public Path registry() {
    return root.resolve("registry");
  }

  public Path enricherState() {
    return root.resolve("enricher");
  }

  public Path aggregatorState() {
    return root.resolve("aggregator");
  }

  public Path logs() {
    return root.resolve(LOGS);
  }

  public Path adminToken() {
    return root.resolve("admin-token");
  }

  public Path simulatorClock() {
    return root.resolve("simulator-clock");
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel's close releases it too
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing held any more
    }
  }
}
