package io.jcompose.planner.wait;

import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code service_started}: every container is running or has run (a one-shot that already exited
 * counts); only a container that was never started keeps the wait going.
 */
record ServiceStarted() implements Readiness {

  @Override
  public Verdict evaluate(String serviceName, List<ContainerDetails> containers) {
    var notStarted = new ArrayList<String>();
    for (ContainerDetails container : containers) {
      boolean hasRun =
          container.status() != ContainerStatus.CREATED || container.startedAt().isPresent();
      if (!hasRun) {
        notStarted.add(Readiness.describe(container));
      }
    }
    return notStarted.isEmpty()
        ? new Verdict.Ready()
        : new Verdict.Pending(String.join("; ", notStarted));
  }

  @Override
  public String goal() {
    return "to start";
  }
}
