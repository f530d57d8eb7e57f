package io.jcompose.engine.logs;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Follows a container's log: first the records already written (the query's tail of them), then
 * each record as conmon appends it. It sleeps on a file-system watch of the log's directory between
 * reads; the end of the container (or {@link #close()}) closes that watch, and the file is read to
 * its end one last time.
 *
 * <p>One thread calls {@link #next()}; any thread may call {@link #close()}.
 */
public final class LogFollower implements AutoCloseable {

  private final LogFileReader reader;
  private final LogQuery query;
  private final WatchService watcher;
  private final LineAssembler assembler;
  private final ArrayDeque<LogRecord> ready = new ArrayDeque<>();
  private volatile boolean ended;
  private volatile boolean closed;
  private boolean finished;

  private LogFollower(Path logFile, LogQuery query, WatchService watcher, boolean chunks) {
    this.reader = new LogFileReader(logFile);
    this.assembler = new LineAssembler(chunks);
    this.query = query;
    this.watcher = watcher;
  }

  static LogFollower start(Path logFile, LogQuery query, CompletionStage<?> end, boolean chunks) {
    WatchService watcher;
    try {
      watcher = logFile.getFileSystem().newWatchService();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + logFile, e);
    }
    var follower = new LogFollower(logFile, query, watcher, chunks);
    try {
      logFile
          .toAbsolutePath()
          .getParent()
          .register(
              watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      var existing = new ContainerLog.Selection(query, follower.ready::addLast);
      follower.readAppended(existing::offer);
      existing.finish();
    } catch (IOException e) {
      follower.close();
      throw new UncheckedIOException("cannot follow " + logFile, e);
    }
    end.whenComplete((result, failure) -> follower.endReached());
    return follower;
  }

  /**
   * The next record, waiting for the container to write one.
   *
   * @return empty once the container has ended and everything it wrote was returned, after a record
   *     past the query's {@code until}, or once the follower is closed
   */
  public Optional<LogRecord> next() throws InterruptedException {
    while (true) {
      if (closed) {
        return Optional.empty();
      }
      LogRecord record = ready.pollFirst();
      if (record != null) {
        return Optional.of(record);
      }
      if (finished) {
        return Optional.empty();
      }
      boolean endedBeforeRead = ended;
      try {
        readAppended(this::admit);
      } catch (IOException e) {
        if (closed) {
          return Optional.empty();
        }
        throw new EngineFault.Internal("cannot read log: " + e.getMessage(), e);
      }
      if (!ready.isEmpty()) {
        continue;
      }
      if (endedBeforeRead) {
        assembler.flush().stream().filter(query::admits).forEach(ready::addLast);
        finished = true;
        continue;
      }
      awaitChange();
    }
  }

  /** Ends the follow; a blocked {@link #next()} returns empty. */
  @Override
  public void close() {
    closed = true;
    closeWatch();
    try {
      reader.close();
    } catch (IOException e) {
      // nothing more is read from it
    }
  }

  private void awaitChange() throws InterruptedException {
    try {
      WatchKey key = watcher.take();
      key.pollEvents();
      key.reset();
    } catch (ClosedWatchServiceException e) {
      // the container ended or the follower was closed: the loop looks at which
    }
  }

  /** Reads what was appended, handing each record up to the query's {@code until} on. */
  private void readAppended(Consumer<LogRecord> sink) throws IOException {
    reader.readLines(
        raw -> {
          Optional<LogRecord> record = LogLine.parse(raw).flatMap(assembler::accept);
          if (record.isEmpty() || finished) {
            return;
          }
          if (query.isPastUntil(record.get())) {
            finished = true;
          } else {
            sink.accept(record.get());
          }
        });
  }

  private void admit(LogRecord record) {
    if (query.admits(record)) {
      ready.addLast(record);
    }
  }

  private void endReached() {
    ended = true;
    closeWatch();
  }

  private void closeWatch() {
    try {
      watcher.close();
    } catch (IOException e) {
      // the watch is gone either way
    }
  }
}
