package io.jcompose.planner.plan;

import java.util.Objects;

public record StartContainer(String serviceName, String containerName) implements Operation {

  public StartContainer {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(containerName, "containerName");
  }

  @Override
  public String resource() {
    return "container " + containerName;
  }

  @Override
  public String action() {
    return "start";
  }
}
