package io.jcompose.planner.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a container's output, without its line break.
 *
 * @param time when the engine saw it, if asked for
 */
public record LogLine(Stream stream, Optional<Instant> time, String text) {

  public LogLine {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(text, "text");
  }

  public enum Stream {
    STDOUT,
    STDERR
  }
}
