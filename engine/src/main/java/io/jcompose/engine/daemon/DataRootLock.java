package io.jcompose.engine.daemon;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <data-root>/engine.lock}: a second engine on the same data root would
 * reconcile (and so disturb) the first one's containers and networks. The kernel drops the lock
 * with the process, so an engine killed with SIGKILL does not hold it any more.
 */
final class DataRootLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataRootLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws EngineFault.Conflict when another engine holds the data root
   */
  static DataRootLock acquire(Path dataRoot) {
    Path file = dataRoot.resolve("engine.lock");
    FileChannel channel;
    try {
      Files.createDirectories(dataRoot);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + file, e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new EngineFault.Conflict(
          "another engine uses the data root "
              + dataRoot
              + "; stop it or choose another --data-root");
    }
    return new DataRootLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // the lock was never held
    }
  }
}
