package io.jcompose.planner.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * @param tail how many lines from the end; empty for all
 * @param timestamps ask the engine for each line's time
 */
public record LogOptions(
    boolean follow,
    Optional<Integer> tail,
    Optional<Instant> since,
    Optional<Instant> until,
    boolean timestamps) {

  public LogOptions {
    Objects.requireNonNull(tail, "tail");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
  }

  public static LogOptions all() {
    return new LogOptions(false, Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  public static LogOptions following() {
    return new LogOptions(true, Optional.empty(), Optional.empty(), Optional.empty(), false);
  }
}
