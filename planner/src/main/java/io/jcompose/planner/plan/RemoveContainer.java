package io.jcompose.planner.plan;

import java.util.Objects;

/**
 * @param removeAnonymousVolumes also remove the container's anonymous volumes
 */
public record RemoveContainer(
    String serviceName, String containerName, boolean removeAnonymousVolumes) implements Operation {

  public RemoveContainer {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(containerName, "containerName");
  }

  @Override
  public String resource() {
    return "container " + containerName;
  }

  @Override
  public String action() {
    return "remove";
  }
}
