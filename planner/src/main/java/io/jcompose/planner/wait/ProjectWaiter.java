package io.jcompose.planner.wait;

import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code up --wait}: waits until every service is ready (compose-inventory §5.1, step 5). A service
 * is ready when all its containers run, healthy when they have a healthcheck; a one-shot service
 * (one another service depends on with {@code service_completed_successfully}) when a container
 * exited 0. A service without containers is not waited for. Same failures, messages and timeout as
 * {@link DependencyWaiter}; the timeout covers the whole wait.
 */
public final class ProjectWaiter {

  private final ServiceContainers containers;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollInterval;
  private final Optional<Duration> timeout;

  /**
   * @param timeout empty to wait as long as it takes
   */
  public ProjectWaiter(
      ContainerRuntime runtime,
      String projectName,
      Clock clock,
      Sleeper sleeper,
      Duration pollInterval,
      Optional<Duration> timeout) {
    this.containers =
        new ServiceContainers(
            Objects.requireNonNull(runtime, "runtime"),
            Objects.requireNonNull(projectName, "projectName"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.pollInterval = DependencyWaiter.positive(pollInterval);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Waits for every service of {@code serviceNames}.
   *
   * @param oneShotServiceNames the services some service depends on with {@code
   *     service_completed_successfully}: they are ready when they exited 0
   * @param listener hears each service that a poll found not ready, with its state
   * @throws ServiceFailedException for the first service (by name) that cannot become ready
   * @throws WaitTimeoutException naming every service still not ready when the timeout passed
   * @throws InterruptedException when interrupted while sleeping between polls
   */
  public void await(
      Collection<String> serviceNames, Set<String> oneShotServiceNames, WaitListener listener)
      throws InterruptedException {
    var waitingFor = new TreeSet<>(serviceNames);
    var heardOf = new TreeSet<String>();
    Deadline deadline = Deadline.start(clock, timeout);
    while (true) {
      var notReady = new LinkedHashMap<String, String>();
      String goal = "";
      for (String serviceName : List.copyOf(waitingFor)) {
        List<ContainerDetails> found = containers.inspect(serviceName);
        Readiness readiness =
            oneShotServiceNames.contains(serviceName)
                ? new ServiceCompletedSuccessfully()
                : new ServiceRunningOrHealthy();
        Verdict verdict =
            found.isEmpty() ? new Verdict.Ready() : readiness.evaluate(serviceName, found);
        if (verdict instanceof Verdict.Ready) {
          waitingFor.remove(serviceName);
          if (heardOf.contains(serviceName)) {
            listener.ready(serviceName);
          }
        } else if (verdict instanceof Verdict.Failed failed) {
          throw new ServiceFailedException(serviceName, failed.message());
        } else if (verdict instanceof Verdict.Pending pending) {
          notReady.put(serviceName, pending.state());
          goal = readiness.goal();
        } else {
          throw new IllegalStateException("unknown verdict " + verdict);
        }
      }
      if (notReady.isEmpty()) {
        return;
      }
      notReady.forEach(listener::waiting);
      heardOf.addAll(notReady.keySet());
      if (deadline.hasPassed()) {
        throw timedOut(deadline.timeout(), notReady, goal);
      }
      sleeper.sleep(deadline.nextSleep(pollInterval));
    }
  }

  private static WaitTimeoutException timedOut(
      Duration timeout, Map<String, String> notReady, String goal) {
    if (notReady.size() == 1) {
      var only = notReady.entrySet().iterator().next();
      return new WaitTimeoutException(
          timeout,
          List.of(only.getKey()),
          "service " + only.getKey() + " " + goal + ": " + only.getValue());
    }
    var states = new ArrayList<String>();
    notReady.forEach((serviceName, state) -> states.add("service " + serviceName + ": " + state));
    return new WaitTimeoutException(
        timeout,
        List.copyOf(notReady.keySet()),
        "services "
            + String.join(", ", notReady.keySet())
            + " to be ready: "
            + String.join("; ", states));
  }
}
