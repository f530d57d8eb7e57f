package io.jcompose.planner.wait;

import io.jcompose.planner.plan.WaitForDependency;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits until a dependency meets its depends_on condition (compose-inventory §5.1), polling its
 * service containers every {@code pollInterval} on the injected clock and sleeper.
 *
 * <p>A required dependency that fails throws {@link ServiceFailedException}; an optional one
 * ({@code required: false}) that fails or has no containers ends the wait with a {@link
 * WaitOutcome.Warning}. A dependency without containers (scaled to 0) is not waited for. The
 * timeout, when set, applies to each wait and throws {@link WaitTimeoutException} whether the
 * dependency is required or not. Once the condition holds, a wait with a readiness check runs it
 * ({@link ReadinessWaiter}) with the check's own timeout.
 */
public final class DependencyWaiter {

  /** How often compose polls a dependency. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

  private final ServiceContainers containers;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollInterval;
  private final Optional<Duration> timeout;
  private final ReadinessWaiter readinessWaiter;

  /**
   * @param timeout empty to wait as long as it takes
   */
  public DependencyWaiter(
      ContainerRuntime runtime,
      String projectName,
      Clock clock,
      Sleeper sleeper,
      Duration pollInterval,
      Optional<Duration> timeout) {
    this(runtime, projectName, clock, sleeper, pollInterval, timeout, ProbeSettings.LOCAL);
  }

  /**
   * @param timeout empty to wait as long as it takes
   * @param probes how readiness checks reach the dependency's ports
   */
  public DependencyWaiter(
      ContainerRuntime runtime,
      String projectName,
      Clock clock,
      Sleeper sleeper,
      Duration pollInterval,
      Optional<Duration> timeout,
      ProbeSettings probes) {
    this.readinessWaiter =
        new ReadinessWaiter(runtime, projectName, clock, sleeper, probes, timeout);
    this.containers =
        new ServiceContainers(
            Objects.requireNonNull(runtime, "runtime"),
            Objects.requireNonNull(projectName, "projectName"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.pollInterval = positive(pollInterval);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  static Duration positive(Duration pollInterval) {
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive: " + pollInterval);
    }
    return pollInterval;
  }

  /**
   * Waits for one dependency.
   *
   * @param listener hears the dependency's state at each poll that found it not ready
   * @throws ServiceFailedException when a required dependency cannot become ready
   * @throws WaitTimeoutException when the timeout passes first
   * @throws InterruptedException when interrupted while sleeping between polls
   */
  public WaitOutcome await(WaitForDependency wait, WaitListener listener)
      throws InterruptedException {
    String dependencyName = wait.dependencyName();
    Readiness readiness = Readiness.of(wait.condition());
    Deadline deadline = Deadline.start(clock, timeout);
    while (true) {
      List<ContainerDetails> found = containers.inspect(dependencyName);
      if (found.isEmpty()) {
        String reason = "service " + dependencyName + " has no containers";
        return wait.required() ? new WaitOutcome.NothingToWaitFor(reason) : optional(wait, reason);
      }
      Verdict verdict = readiness.evaluate(dependencyName, found);
      if (verdict instanceof Verdict.Ready) {
        return wait.readiness().isPresent() ? ready(wait, listener) : new WaitOutcome.Satisfied();
      } else if (verdict instanceof Verdict.Failed failed) {
        if (!wait.required()) {
          return optional(wait, failed.message());
        }
        throw new ServiceFailedException(dependencyName, failed.message());
      } else if (verdict instanceof Verdict.Pending pending) {
        String state = pending.state();
        listener.waiting(dependencyName, state);
        if (deadline.hasPassed()) {
          throw new WaitTimeoutException(
              deadline.timeout(),
              List.of(dependencyName),
              "service " + dependencyName + " " + readiness.goal() + ": " + state);
        }
        sleeper.sleep(deadline.nextSleep(pollInterval));
      } else {
        throw new IllegalStateException("unknown verdict " + verdict);
      }
    }
  }

  /** Runs the dependency's readiness check once its condition holds. */
  private WaitOutcome ready(WaitForDependency wait, WaitListener listener)
      throws InterruptedException {
    try {
      readinessWaiter.await(wait.dependencyName(), wait.readiness().orElseThrow(), listener);
      return new WaitOutcome.Satisfied();
    } catch (ServiceNotReadyException notReady) {
      if (wait.required()) {
        throw notReady;
      }
      return optional(wait, notReady.getMessage());
    }
  }

  private static WaitOutcome optional(WaitForDependency wait, String problem) {
    return new WaitOutcome.Warning(
        "service "
            + wait.serviceName()
            + " starts without its optional dependency "
            + wait.dependencyName()
            + ": "
            + problem);
  }
}
