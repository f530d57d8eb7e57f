package io.jcompose.planner.wait;

import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.RuntimeFault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists and inspects a service's containers (not one-off ones), sorted by name. */
final class ServiceContainers {

  private final ContainerRuntime runtime;
  private final String projectName;

  ServiceContainers(ContainerRuntime runtime, String projectName) {
    this.runtime = runtime;
    this.projectName = projectName;
  }

  /** The containers as they are now; one removed between listing and inspecting is left out. */
  List<ContainerDetails> inspect(String serviceName) {
    var summaries =
        new ArrayList<>(runtime.listContainers(Labels.serviceContainers(projectName, serviceName)));
    summaries.sort(Comparator.comparing(ContainerSummary::name));
    var containers = new ArrayList<ContainerDetails>(summaries.size());
    for (ContainerSummary summary : summaries) {
      try {
        containers.add(runtime.inspectContainer(summary.id()));
      } catch (RuntimeFault.NotFound gone) {
        // removed since the listing: not a container of the service any more
      }
    }
    return containers;
  }
}
