package io.jcompose.planner.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A network to create.
 *
 * @param driver empty for the engine's default ({@code bridge})
 * @param subnets IPAM subnets in CIDR form; empty to let the engine choose
 */
public record NetworkSpec(
    String name,
    Optional<String> driver,
    Map<String, String> driverOptions,
    boolean internal,
    boolean attachable,
    boolean enableIpv6,
    List<String> subnets,
    Map<String, String> labels) {

  public NetworkSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(driver, "driver");
    driverOptions = Map.copyOf(driverOptions);
    subnets = List.copyOf(subnets);
    labels = Map.copyOf(labels);
  }

  public static NetworkSpec named(String name, Map<String, String> labels) {
    return new NetworkSpec(
        name, Optional.empty(), Map.of(), false, false, false, List.of(), labels);
  }
}
