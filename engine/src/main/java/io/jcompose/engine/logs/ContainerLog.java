package io.jcompose.engine.logs;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

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
    try (var reader = new LogFileReader(logFile)) {
      var assembler = new LineAssembler();
      var selected = new ArrayDeque<LogRecord>();
      for (byte[] raw : reader.readLines()) {
        LogLine.parse(raw)
            .flatMap(assembler::accept)
            .ifPresent(record -> keep(selected, record, query));
      }
      assembler.flush().forEach(record -> keep(selected, record, query));
      return List.copyOf(selected);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read log " + logFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the matching records and then keeps reading as the container appends, until {@code end}
   * completes (pass the container's exit, from the runtime's monitor) and the rest of the file has
   * been read, until a record after {@code query.until()}, or until the follower is closed.
   */
  public LogFollower follow(LogQuery query, CompletionStage<?> end) {
    return LogFollower.start(logFile, query, end);
  }

  private static void keep(ArrayDeque<LogRecord> selected, LogRecord record, LogQuery query) {
    if (!query.admits(record)) {
      return;
    }
    selected.addLast(record);
    if (query.tail().isPresent() && selected.size() > query.tail().getAsInt()) {
      selected.removeFirst();
    }
  }

  static List<LogRecord> tail(List<LogRecord> records, LogQuery query) {
    if (query.tail().isEmpty() || records.size() <= query.tail().getAsInt()) {
      return records;
    }
    return new ArrayList<>(
        records.subList(records.size() - query.tail().getAsInt(), records.size()));
  }
}
