package io.jcompose.planner.plan;

import io.jcompose.planner.spi.ContainerSpec;
import java.util.Objects;

/**
 * Creates one container; {@code spec.name()} is its name (a temporary one while it replaces
 * another).
 */
public record CreateContainer(String serviceName, ContainerSpec spec) implements Operation {

  public CreateContainer {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(spec, "spec");
  }

  public String containerName() {
    return spec.name();
  }

  @Override
  public String resource() {
    return "container " + spec.name();
  }

  @Override
  public String action() {
    return "create";
  }
}
