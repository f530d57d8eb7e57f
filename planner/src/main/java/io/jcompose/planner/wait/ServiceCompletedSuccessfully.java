package io.jcompose.planner.wait;

import io.jcompose.planner.spi.ContainerDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code service_completed_successfully}: a container of the service has exited; exit 0 is ready,
 * any other code a failure ({@code service db didn't complete successfully: exit 1}).
 */
record ServiceCompletedSuccessfully() implements Readiness {

  @Override
  public Verdict evaluate(String serviceName, List<ContainerDetails> containers) {
    var running = new ArrayList<String>();
    for (ContainerDetails container : containers) {
      if (Readiness.hasExited(container)) {
        return container.exitCode() == 0
            ? new Verdict.Ready()
            : new Verdict.Failed(
                "service "
                    + serviceName
                    + " didn't complete successfully: exit "
                    + container.exitCode());
      }
      running.add(Readiness.describe(container));
    }
    return new Verdict.Pending(String.join("; ", running));
  }

  @Override
  public String goal() {
    return "to complete successfully";
  }
}
