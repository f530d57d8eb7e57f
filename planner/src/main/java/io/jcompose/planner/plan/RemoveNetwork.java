package io.jcompose.planner.plan;

import java.util.Objects;

public record RemoveNetwork(String networkKey, String networkName) implements Operation {

  public RemoveNetwork {
    Objects.requireNonNull(networkKey, "networkKey");
    Objects.requireNonNull(networkName, "networkName");
  }

  @Override
  public String resource() {
    return "network " + networkName;
  }

  @Override
  public String action() {
    return "remove";
  }

  @Override
  public String serviceName() {
    return "";
  }
}
