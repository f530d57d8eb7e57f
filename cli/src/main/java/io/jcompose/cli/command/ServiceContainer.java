package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.UserException;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Values;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;

/** The running replica of a service that {@code exec} and {@code attach} work on. */
final class ServiceContainer {

  private ServiceContainer() {}

  /**
   * Replica {@code index} of {@code serviceName}, which must run.
   *
   * @throws UserException {@code service "app" is not running} (exit 1), as docker compose says
   */
  static ContainerSummary running(ProjectSession session, String serviceName, int index) {
    if (!session.fromLabelsOnly() && !session.project().services().containsKey(serviceName)) {
      throw new UserException("no such service: " + serviceName);
    }
    boolean anyRunning = false;
    for (ContainerSummary container :
        session
            .runtime()
            .listContainers(Labels.serviceContainers(session.project().name(), serviceName))) {
      if (Labels.TRUE.equals(container.label(Labels.ONEOFF))
          || container.status() != ContainerStatus.RUNNING) {
        continue;
      }
      anyRunning = true;
      if (Integer.toString(index).equals(container.label(Labels.CONTAINER_NUMBER))) {
        return container;
      }
    }
    throw new UserException(
        anyRunning
            ? "service \"" + serviceName + "\" is not running container #" + index
            : "service \"" + serviceName + "\" is not running");
  }

  /** {@code --index N}: 1 when absent. */
  static int index(Values line, Option option) {
    String value = line.value(option).orElse("1");
    try {
      int index = Integer.parseInt(value.trim());
      if (index < 1) {
        throw new NumberFormatException();
      }
      return index;
    } catch (NumberFormatException e) {
      throw new UserException(
          "--index takes a replica number from 1, got \"" + value + "\"", ExitCode.USAGE, e);
    }
  }
}
