package io.jcompose.engine.logs;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A container's log as conmon writes it (k8s-file format), read back as the lines the container
 * wrote: partial chunks rejoined, each with its stream and time.
 */
public final class ContainerLog {

  private final Path logFile;

  /**
   * @param logFile conmon's {@code -l k8s-file:} path; it need not exist yet
   */
  public ContainerLog(Path logFile) {
    this.logFile = Objects.requireNonNull(logFile, "logFile");
  }

  public Path logFile() {
    return logFile;
  }

  /**
   * The records in the file now that match {@code query}, oldest first. A line the container left
   * unfinished is included as it stands (without a newline).
   */
  public List<LogRecord> read(LogQuery query) {
    var records = new ArrayList<LogRecord>();
    read(query, records::add);
    return List.copyOf(records);
  }

  /**
   * Hands the matching records to {@code sink} as they are read, oldest first; only the query's
   * tail is held in memory.
   */
  public void read(LogQuery query, Consumer<LogRecord> sink) {
    var selected = new Selection(query, sink);
    try (var reader = new LogFileReader(logFile)) {
      var assembler = new LineAssembler();
      reader.readLines(
          raw -> LogLine.parse(raw).flatMap(assembler::accept).ifPresent(selected::offer));
      assembler.flush().forEach(selected::offer);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read log " + logFile + ": " + e.getMessage(), e);
    }
    selected.finish();
  }

  /**
   * Reads the matching records and then keeps reading as the container appends, until {@code end}
   * completes (pass the container's exit, from the runtime's monitor) and the rest of the file has
   * been read, until a record after {@code query.until()}, or until the follower is closed.
   */
  public LogFollower follow(LogQuery query, CompletionStage<?> end) {
    return LogFollower.start(logFile, query, end, false);
  }

  /**
   * Like {@link #follow}, but hands each chunk on as the container wrote it, a line's unfinished
   * part at once (attach: an interactive prompt ends no line).
   */
  public LogFollower followChunks(LogQuery query, CompletionStage<?> end) {
    return LogFollower.start(logFile, query, end, true);
  }

  /**
   * The records a query admits, passed on at once when there is no tail, or the last N of them held
   * until {@link #finish()}.
   */
  static final class Selection {
    private final LogQuery query;
    private final Consumer<LogRecord> sink;
    private final ArrayDeque<LogRecord> held = new ArrayDeque<>();

    Selection(LogQuery query, Consumer<LogRecord> sink) {
      this.query = query;
      this.sink = sink;
    }

    void offer(LogRecord record) {
      if (!query.admits(record)) {
        return;
      }
      if (query.tail().isEmpty()) {
        sink.accept(record);
        return;
      }
      held.addLast(record);
      if (held.size() > query.tail().getAsInt()) {
        held.removeFirst();
      }
    }

    void finish() {
      while (!held.isEmpty()) {
        sink.accept(held.removeFirst());
      }
    }
  }
}
