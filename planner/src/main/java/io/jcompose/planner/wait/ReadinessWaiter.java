package io.jcompose.planner.wait;

import io.jcompose.model.project.Durations;
import io.jcompose.model.project.ReadinessCheck;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a service's jcompose readiness check ({@code x-jcompose.ready}) until it passes for every
 * container of the service, on the injected clock and sleeper. A container that exited or a timeout
 * ends the wait with {@link ServiceNotReadyException}, which carries the service's last log lines.
 */
public final class ReadinessWaiter {

  /** How many of the service's last log lines a failure carries. */
  static final int LOG_TAIL = 10;

  private final ContainerRuntime runtime;
  private final ServiceContainers containers;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ProbeSettings probes;
  private final Optional<Duration> longestWait;

  public ReadinessWaiter(
      ContainerRuntime runtime,
      String projectName,
      Clock clock,
      Sleeper sleeper,
      ProbeSettings probes) {
    this(runtime, projectName, clock, sleeper, probes, Optional.empty());
  }

  /**
   * @param longestWait {@code --wait-timeout}: no check waits longer, whatever its own timeout
   */
  public ReadinessWaiter(
      ContainerRuntime runtime,
      String projectName,
      Clock clock,
      Sleeper sleeper,
      ProbeSettings probes,
      Optional<Duration> longestWait) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.containers =
        new ServiceContainers(runtime, Objects.requireNonNull(projectName, "projectName"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.probes = Objects.requireNonNull(probes, "probes");
    this.longestWait = Objects.requireNonNull(longestWait, "longestWait");
  }

  /**
   * Waits until {@code check} passes for every container of {@code serviceName}; a service without
   * containers has nothing to check.
   *
   * @param listener hears what each attempt that failed saw
   * @throws ServiceNotReadyException when a container exited or the check's timeout passed
   * @throws InterruptedException when interrupted while sleeping between attempts
   */
  public void await(String serviceName, ReadinessCheck check, WaitListener listener)
      throws InterruptedException {
    Duration timeout =
        longestWait
            .filter(longest -> longest.compareTo(check.timeout()) < 0)
            .orElse(check.timeout());
    Deadline deadline = Deadline.start(clock, Optional.of(timeout));
    Optional<LogWatch> logs =
        check.probe() instanceof ReadinessCheck.Log log
            ? Optional.of(new LogWatch(runtime, log.regex()))
            : Optional.empty();
    try {
      var attempt = new ProbeAttempt(runtime, probes, logs);
      boolean heardOf = false;
      while (true) {
        List<ContainerDetails> found = containers.inspect(serviceName);
        Optional<String> notReady = Optional.empty();
        for (ContainerDetails container : found) {
          if (Readiness.hasExited(container)) {
            throw notReady(
                serviceName,
                found,
                "container " + container.name() + " exited with code " + container.exitCode());
          }
          notReady = attempt.run(check.probe(), container);
          if (notReady.isPresent()) {
            break;
          }
        }
        if (notReady.isEmpty()) {
          if (heardOf) {
            listener.ready(serviceName);
          }
          return;
        }
        listener.waiting(serviceName, notReady.get());
        heardOf = true;
        if (deadline.hasPassed()) {
          throw notReady(
              serviceName, found, notReady.get() + " (after " + Durations.format(timeout) + ")");
        }
        sleeper.sleep(deadline.nextSleep(check.interval()));
      }
    } finally {
      logs.ifPresent(LogWatch::close);
    }
  }

  private ServiceNotReadyException notReady(
      String serviceName, List<ContainerDetails> found, String problem)
      throws InterruptedException {
    return new ServiceNotReadyException(
        serviceName, problem, found.isEmpty() ? List.of() : lastLines(found.get(0)));
  }

  private List<String> lastLines(ContainerDetails container) throws InterruptedException {
    var lines = new ArrayList<String>();
    var options =
        new LogOptions(false, Optional.of(LOG_TAIL), Optional.empty(), Optional.empty(), false);
    try (Subscription stream =
        runtime.logs(container.id(), options, line -> add(lines, line.text()))) {
      stream.await();
    } catch (RuntimeFault gone) {
      // no log to show: the failure speaks for itself
    }
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  private static void add(List<String> lines, String line) {
    synchronized (lines) {
      lines.add(line);
    }
  }
}
