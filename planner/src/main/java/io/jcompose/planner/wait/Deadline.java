package io.jcompose.planner.wait;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a wait that began now must give up, on the injected clock. */
final class Deadline {

  private final Clock clock;
  private final Optional<Duration> timeout;
  private final Optional<Instant> end;

  private Deadline(Clock clock, Optional<Duration> timeout) {
    this.clock = clock;
    this.timeout = timeout;
    Instant now = clock.instant();
    this.end = timeout.isPresent() ? Optional.of(now.plus(timeout.get())) : Optional.empty();
  }

  static Deadline start(Clock clock, Optional<Duration> timeout) {
    return new Deadline(clock, timeout);
  }

  boolean hasPassed() {
    return end.isPresent() && !clock.instant().isBefore(end.get());
  }

  /** The poll interval, or what is left of the timeout when that is shorter. */
  Duration nextSleep(Duration pollInterval) {
    if (end.isEmpty()) {
      return pollInterval;
    }
    Duration left = Duration.between(clock.instant(), end.get());
    return left.compareTo(pollInterval) < 0 ? left : pollInterval;
  }

  /** The configured timeout; only meaningful once {@link #hasPassed()}. */
  Duration timeout() {
    return timeout.orElseThrow();
  }
}
