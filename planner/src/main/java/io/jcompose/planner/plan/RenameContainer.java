package io.jcompose.planner.plan;

import java.util.Objects;

public record RenameContainer(String serviceName, String containerName, String newName)
    implements Operation {

  public RenameContainer {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(newName, "newName");
  }

  @Override
  public String resource() {
    return "container " + containerName;
  }

  @Override
  public String action() {
    return "rename to " + newName;
  }
}
