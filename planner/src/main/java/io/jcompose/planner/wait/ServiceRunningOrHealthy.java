package io.jcompose.planner.wait;

import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code up --wait} asks of a service nobody waits on to complete: every container running,
 * and healthy when it has a healthcheck. Exited or unhealthy is a failure.
 */
record ServiceRunningOrHealthy() implements Readiness {

  @Override
  public Verdict evaluate(String serviceName, List<ContainerDetails> containers) {
    var pending = new ArrayList<String>();
    for (ContainerDetails container : containers) {
      String name = container.name();
      if (Readiness.hasExited(container)) {
        return new Verdict.Failed(
            "service "
                + serviceName
                + " exited with code "
                + container.exitCode()
                + " (container "
                + name
                + ")");
      }
      boolean running = container.status() == ContainerStatus.RUNNING;
      if (!running || container.health().isEmpty()) {
        if (!running) {
          pending.add(Readiness.describe(container));
        }
        continue;
      }
      switch (container.health().get()) {
        case HEALTHY:
          break;
        case STARTING:
          pending.add(Readiness.describe(container));
          break;
        case UNHEALTHY:
          return new Verdict.Failed(
              "service " + serviceName + " is unhealthy (container " + name + ")");
        default:
          throw new IllegalStateException("unknown health " + container.health().get());
      }
    }
    return pending.isEmpty()
        ? new Verdict.Ready()
        : new Verdict.Pending(String.join("; ", pending));
  }

  @Override
  public String goal() {
    return "to be running and healthy";
  }
}
