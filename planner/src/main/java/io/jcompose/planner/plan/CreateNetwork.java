package io.jcompose.planner.plan;

import io.jcompose.planner.spi.NetworkSpec;
import java.util.Objects;

/**
 * @param networkKey the network's key in the compose file
 */
public record CreateNetwork(String networkKey, NetworkSpec spec) implements Operation {

  public CreateNetwork {
    Objects.requireNonNull(networkKey, "networkKey");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public String resource() {
    return "network " + spec.name();
  }

  @Override
  public String action() {
    return "create";
  }

  @Override
  public String serviceName() {
    return "";
  }
}
