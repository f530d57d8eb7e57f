package io.jcompose.planner.execute;

import io.jcompose.planner.wait.DependencyWaiter;
import io.jcompose.planner.wait.ProbeSettings;
import io.jcompose.planner.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a plan runs.
 *
 * @param projectName the project whose service containers the waits look at
 * @param parallelism the most runtime operations in flight at once ({@code --parallel}); {@link
 *     #UNLIMITED} for no cap
 * @param clock for elapsed times and wait deadlines
 * @param sleeper for the pauses between a wait's polls
 * @param pollInterval how often a wait polls its dependency
 * @param waitTimeout the longest a single dependency wait may take ({@code --wait-timeout}); empty
 *     for no limit
 * @param probes how readiness checks reach a dependency's ports
 */
public record ExecutionSettings(
    String projectName,
    int parallelism,
    Clock clock,
    Sleeper sleeper,
    Duration pollInterval,
    Optional<Duration> waitTimeout,
    ProbeSettings probes) {

  /** Settings whose readiness checks use real sockets and loopback for published ports. */
  public ExecutionSettings(
      String projectName,
      int parallelism,
      Clock clock,
      Sleeper sleeper,
      Duration pollInterval,
      Optional<Duration> waitTimeout) {
    this(projectName, parallelism, clock, sleeper, pollInterval, waitTimeout, ProbeSettings.LOCAL);
  }

  /** No cap on parallel operations, docker compose's default. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  public ExecutionSettings {
    Objects.requireNonNull(projectName, "projectName");
    if (parallelism < 1) {
      throw new IllegalArgumentException(
          "parallelism must be at least 1 (UNLIMITED for no cap): " + parallelism);
    }
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive: " + pollInterval);
    }
    Objects.requireNonNull(waitTimeout, "waitTimeout");
    if (waitTimeout.isPresent() && waitTimeout.get().isNegative()) {
      throw new IllegalArgumentException(
          "the wait timeout cannot be negative: " + waitTimeout.get());
    }
    Objects.requireNonNull(probes, "probes");
  }

  /** The settings of a real run: system clock, real sleeps, 500 ms polls, no wait timeout. */
  public static ExecutionSettings of(String projectName, int parallelism) {
    return new ExecutionSettings(
        projectName,
        parallelism,
        Clock.systemUTC(),
        Sleeper.REAL,
        DependencyWaiter.DEFAULT_POLL_INTERVAL,
        Optional.empty());
  }
}
