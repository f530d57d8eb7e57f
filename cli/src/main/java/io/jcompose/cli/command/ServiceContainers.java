package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.UserException;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Values;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The containers a tool verb ({@code top}, {@code cp}, {@code port}, {@code stats} ...) works on,
 * chosen as docker compose chooses them: by project label, service and replica number, one-off
 * {@code run} containers left out unless asked for.
 */
final class ServiceContainers {

  private ServiceContainers() {}

  /** Every service is named in the project, unless it is known from its labels only. */
  static void checkServices(ProjectSession session, Set<String> services) {
    if (session.fromLabelsOnly()) {
      return;
    }
    for (String service : services) {
      if (!session.project().services().containsKey(service)) {
        throw new UserException("no such service: " + service);
      }
    }
  }

  /**
   * The project's containers of {@code services} (all when empty), sorted by name.
   *
   * @param stoppedToo also the containers that are not running
   * @param oneOffsToo also the containers of {@code run}
   */
  static List<ContainerSummary> of(
      ProjectSession session, Set<String> services, boolean stoppedToo, boolean oneOffsToo) {
    var selected = new ArrayList<ContainerSummary>();
    for (ContainerSummary container :
        session.runtime().listContainers(Labels.projectContainers(session.project().name()))) {
      if (!oneOffsToo && Labels.TRUE.equals(container.label(Labels.ONEOFF))) {
        continue;
      }
      if (!services.isEmpty() && !services.contains(container.label(Labels.SERVICE))) {
        continue;
      }
      if (!stoppedToo && container.status() != ContainerStatus.RUNNING) {
        continue;
      }
      selected.add(container);
    }
    selected.sort(Comparator.comparing(ContainerSummary::name));
    return selected;
  }

  /**
   * Replica {@code index} of a service (docker compose's {@code --index}; 0 for the lowest
   * numbered), running or not.
   *
   * @throws UserException when the service has no such container
   */
  static ContainerSummary replica(ProjectSession session, String service, int index) {
    List<ContainerSummary> containers = of(session, Set.of(service), true, false);
    if (containers.isEmpty()) {
      throw new UserException("service \"" + service + "\" is not running");
    }
    if (index == 0) {
      return containers.stream().min(Comparator.comparingInt(ServiceContainers::number)).get();
    }
    for (ContainerSummary container : containers) {
      if (String.valueOf(index).equals(container.label(Labels.CONTAINER_NUMBER))) {
        return container;
      }
    }
    throw new UserException("service \"" + service + "\" is not running container #" + index);
  }

  private static int number(ContainerSummary container) {
    try {
      return Integer.parseInt(container.label(Labels.CONTAINER_NUMBER));
    } catch (NumberFormatException unnumbered) {
      return Integer.MAX_VALUE;
    }
  }

  /** A positive {@code --index}, or the default. */
  static int index(Values line, Option option) {
    String value = line.value(option).orElse("0").trim();
    try {
      int index = Integer.parseInt(value);
      if (index < 0) {
        throw new NumberFormatException();
      }
      return index;
    } catch (NumberFormatException e) {
      throw new UserException(
          "--index takes a replica number, got \"" + value + "\"", ExitCode.USAGE, e);
    }
  }
}
