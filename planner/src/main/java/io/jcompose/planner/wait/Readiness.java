package io.jcompose.planner.wait;

import io.jcompose.model.project.Dependency;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerStatus;
import java.util.List;

/**
 * When a service counts as ready (compose-inventory §5.1): one implementation per depends_on
 * condition, plus the running-or-healthy test of {@code up --wait}.
 */
sealed interface Readiness
    permits ServiceStarted, ServiceHealthy, ServiceCompletedSuccessfully, ServiceRunningOrHealthy {

  static Readiness of(Dependency.Condition condition) {
    switch (condition) {
      case SERVICE_STARTED:
        return new ServiceStarted();
      case SERVICE_HEALTHY:
        return new ServiceHealthy();
      case SERVICE_COMPLETED_SUCCESSFULLY:
        return new ServiceCompletedSuccessfully();
      default:
        throw new IllegalStateException("no readiness for depends_on condition " + condition);
    }
  }

  /**
   * @param containers the service's containers, at least one, sorted by name
   */
  Verdict evaluate(String serviceName, List<ContainerDetails> containers);

  /** What is waited for, after "waiting for service db": {@code to be healthy}. */
  String goal();

  /** A container's state in words: {@code container demo-db-1 is running, health: starting}. */
  static String describe(ContainerDetails container) {
    if (hasExited(container)) {
      return "container " + container.name() + " exited (" + container.exitCode() + ")";
    }
    String state = "container " + container.name() + " is " + container.status().word();
    return container.health().isPresent()
        ? state + ", health: " + container.health().get().word()
        : state;
  }

  static boolean hasExited(ContainerDetails container) {
    return container.status() == ContainerStatus.EXITED
        || container.status() == ContainerStatus.DEAD;
  }
}
