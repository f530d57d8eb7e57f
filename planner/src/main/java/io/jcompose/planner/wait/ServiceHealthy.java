package io.jcompose.planner.wait;

import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code service_healthy}: every container reports healthy. Starting (or not started yet) keeps
 * waiting; unhealthy, exited, or no healthcheck at all is a failure that names the service.
 */
record ServiceHealthy() implements Readiness {

  private static final String FAILED = "dependency failed to start: service ";

  @Override
  public Verdict evaluate(String serviceName, List<ContainerDetails> containers) {
    var pending = new ArrayList<String>();
    for (ContainerDetails container : containers) {
      String name = container.name();
      if (Readiness.hasExited(container)) {
        return new Verdict.Failed(
            FAILED
                + serviceName
                + " exited with code "
                + container.exitCode()
                + " (container "
                + name
                + ")");
      }
      if (container.status() == ContainerStatus.CREATED) {
        pending.add(Readiness.describe(container));
      } else if (container.health().isEmpty()) {
        return new Verdict.Failed(
            FAILED + serviceName + " has no healthcheck (container " + name + ")");
      } else {
        switch (container.health().get()) {
          case HEALTHY:
            break;
          case STARTING:
            pending.add(Readiness.describe(container));
            break;
          case UNHEALTHY:
            return new Verdict.Failed(
                FAILED + serviceName + " is unhealthy (container " + name + ")");
          default:
            throw new IllegalStateException("unknown health " + container.health().get());
        }
      }
    }
    return pending.isEmpty()
        ? new Verdict.Ready()
        : new Verdict.Pending(String.join("; ", pending));
  }

  @Override
  public String goal() {
    return "to be healthy";
  }
}
