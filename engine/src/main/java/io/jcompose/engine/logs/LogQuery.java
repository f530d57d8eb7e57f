package io.jcompose.engine.logs;

import io.jcompose.engine.fault.EngineFault;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which log records to read, as {@code GET /containers/{id}/logs} asks.
 *
 * @param streams stdout, stderr or both
 * @param tail only the last N of the records that pass the other filters
 * @param since only records at or after this time
 * @param until only records at or before this time; a follow ends at the first later record
 */
public record LogQuery(
    Set<LogStream> streams, OptionalInt tail, Optional<Instant> since, Optional<Instant> until) {

  public static final LogQuery ALL =
      new LogQuery(
          EnumSet.allOf(LogStream.class), OptionalInt.empty(), Optional.empty(), Optional.empty());

  public LogQuery {
    streams = Set.copyOf(streams);
    Objects.requireNonNull(tail, "tail");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    if (streams.isEmpty()) {
      throw new EngineFault.InvalidArgument("Bad parameters: you must choose at least one stream");
    }
    if (tail.isPresent() && tail.getAsInt() < 0) {
      throw new EngineFault.InvalidArgument("tail must not be negative");
    }
  }

  public LogQuery withTail(int lines) {
    return new LogQuery(streams, OptionalInt.of(lines), since, until);
  }

  public LogQuery withSince(Instant time) {
    return new LogQuery(streams, tail, Optional.of(time), until);
  }

  public LogQuery withUntil(Instant time) {
    return new LogQuery(streams, tail, since, Optional.of(time));
  }

  public LogQuery withStreams(Set<LogStream> newStreams) {
    return new LogQuery(newStreams, tail, since, until);
  }

  boolean admits(LogRecord record) {
    return streams.contains(record.stream())
        && (since.isEmpty() || !record.time().isBefore(since.get()))
        && (until.isEmpty() || !record.time().isAfter(until.get()));
  }

  boolean isPastUntil(LogRecord record) {
    return until.isPresent() && record.time().isAfter(until.get());
  }
}
